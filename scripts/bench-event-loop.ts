// `npm run bench:event-loop [-- --rows 180000]`: the longest the server's event loop is held by
// each kind of request, with the embedded database in a worker thread (EMBEDDED_THREAD=worker,
// the default) and on the main thread (main), side by side. The demo is seeded once (a server's
// first start on a fresh DATA_DIR), then each mode gets a copy, a server in a process of its own
// with scripts/event-loop-probe.mjs loaded, and the same requests, each kind made once before it
// is measured. With DATABASE_URL set, one column: the server database. A benchmark, not a test.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "./free-port.ts";
import { benchServerReady, spawnBenchServer, stopBenchServer } from "./bench-server.ts";
import { EVENT_LOOP_PROBE_ARGS, readEventLoopProbe } from "./event-loop-report.ts";
import { writeSyntheticEnrollmentCsv } from "../server/demo/synthetic-enrollment-csv.ts";
import { officialRegency } from "../server/regions/official-codes.ts";

const { values } = parseArgs({ options: { rows: { type: "string", default: "180000" } } });
const ROOT = new URL("..", import.meta.url).pathname;
const ADMIN = "bench-event-loop-admin-token";
const ROWS = Number(values.rows);

const COVERAGE = `{ coverage(level: VILLAGE, first: 300) { totalCount edges { node { code coverageRate uncovered } } } }`;
const IMPORT = `mutation ($files: [ImportFileInput!]!) { importFile(kind: ENROLLMENTS, files: $files) { rows } }`;
const plan = (i: number) =>
  `{ outreachPlan(input: { sessions: ${1 + (i % 10)}, maxDistanceKm: ${3 + i / 10}, from: "2025-10-01", to: "2025-12-31" }) { totals { uncoveredReached } } }`;

async function post(url: string, query: string, variables?: unknown): Promise<void> {
  const r = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await r.json()) as { errors?: { message: string }[] };
  if (body.errors) throw new Error(`${query.slice(0, 60)}: ${body.errors[0]!.message}`);
}

async function get(url: string): Promise<void> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  await r.arrayBuffer();
}

/** Each kind: a warm-up (different from the measured request, so no cache answers it) and the measured one. */
function kinds(url: string, csv: (rows: number, first: number) => string, serial: number) {
  const upload = (text: string) => post(url, IMPORT, { files: [{ name: "enrollments.csv", text }] });
  return [
    { kind: "coverage query", warm: () => post(url, COVERAGE.replace("300", "299")), run: () => post(url, COVERAGE) },
    { kind: "one outreach plan", warm: () => post(url, plan(100)), run: () => post(url, plan(1)) },
    {
      kind: "10 plans at once",
      warm: () => post(url, plan(101)),
      run: () => Promise.all(Array.from({ length: 10 }, (_, i) => post(url, plan(10 + i)))).then(() => undefined),
    },
    {
      kind: "FULL village geometry",
      warm: () => post(url, `{ regionGeometries(level: VILLAGE, detail: MEDIUM) }`),
      run: () => post(url, `{ regionGeometries(level: VILLAGE, detail: FULL) }`),
    },
    {
      kind: "coverage CSV export",
      warm: () => get(`${url}/export/coverage.csv?level=VILLAGE&sector=FARMER`),
      run: () => get(`${url}/export/coverage.csv?level=VILLAGE&sector=FISHER`),
    },
    {
      kind: `upload of ${ROWS.toLocaleString("en")} enrollments`,
      warm: () => upload(csv(2_000, serial + 9_000_000)),
      run: () => upload(csv(ROWS, serial)),
    },
  ];
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "cakupan-bench-event-loop-"));
  const shared = join(ROOT, "../shared/data/bangkalan/villages.geojson");
  const villages = (await officialRegency("35.26"))!.villages.map((v) => v.code);
  const csv = (rows: number, first: number) => {
    const file = join(work, `enrollments-${first}.csv`);
    writeSyntheticEnrollmentCsv(file, rows, villages, first);
    return readFileSync(file, "utf8");
  };
  const env = { ADMIN_TOKEN: ADMIN, ...(existsSync(shared) ? { BOUNDARIES: shared } : {}) };
  const modes = process.env.DATABASE_URL ? ["server"] : ["worker", "main"];
  const holds = new Map<string, Map<string, number>>();
  try {
    if (!process.env.DATABASE_URL) {
      console.log("Seeding the demo...");
      const port = await freePort();
      const seeding = spawnBenchServer(port, { ...env, DATA_DIR: join(work, "seed/pgdata") });
      await benchServerReady(seeding, `http://127.0.0.1:${port}`);
      await stopBenchServer(seeding);
    }
    for (const [m, mode] of modes.entries()) {
      const database = process.env.DATABASE_URL ? {} : { DATA_DIR: join(work, mode, "pgdata"), EMBEDDED_THREAD: mode };
      if (!process.env.DATABASE_URL) cpSync(join(work, "seed"), join(work, mode), { recursive: true }); // the data and its NIK key
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const server = spawnBenchServer(port, { ...env, ...database }, { nodeArgs: EVENT_LOOP_PROBE_ARGS, stderr: "pipe" });
      const probe = readEventLoopProbe(server, 120_000);
      try {
        console.log(`${mode}: starting...`);
        await benchServerReady(server, url);
        for (const k of kinds(url, csv, 5_000_000 + m * 1_000_000)) {
          await k.warm();
          await probe.longestHold();
          const started = performance.now();
          await k.run();
          const hold = await probe.longestHold();
          console.log(`${mode}: ${k.kind}: longest hold ${hold.toFixed(0)} ms (took ${(performance.now() - started).toFixed(0)} ms)`);
          holds.set(k.kind, (holds.get(k.kind) ?? new Map()).set(mode, hold));
        }
      } finally {
        await stopBenchServer(server);
      }
    }
    const width = Math.max(...[...holds.keys()].map((k) => k.length));
    console.log(`\nLongest event-loop hold per request (ms; monitorEventLoopDelay max):`);
    console.log(`  ${"request".padEnd(width)}  ${modes.map((m) => m.padStart(8)).join("  ")}`);
    for (const [kind, byMode] of holds)
      console.log(`  ${kind.padEnd(width)}  ${modes.map((m) => (byMode.get(m)?.toFixed(0) ?? "-").padStart(8)).join("  ")}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
