// `npm run bench:load [-- --seconds 60 --connections 50]`: mixed load on a Cakupan server in a
// process of its own: the village coverage query, the coverage CSV, outreach plans (each one
// different, so the response cache cannot answer them) and village geometry, cycled on every
// connection with autocannon. Prints requests, errors (by status), p50/p99 latency and the
// server's RSS at start and end. The server is started here on a free port: embedded in a fresh
// temporary DATA_DIR (the demo is seeded on first start), or on DATABASE_URL when it is set.
// A benchmark, not a test.
import { readFileSync, mkdtempSync, rmSync, existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { freePort } from "./free-port.ts";
import { benchServerReady, spawnBenchServer, stopBenchServer } from "./bench-server.ts";
import { quantileSorted } from "simple-statistics";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "60" }, connections: { type: "string", default: "50" } } });
const ROOT = new URL("..", import.meta.url).pathname;

// Plans need a planner, analyst or admin (see README "People and roles"): the bench is the admin.
const ADMIN = "bench-load-admin-token-0123456789";
const graphql = (query: string) => ({
  method: "POST" as const,
  path: "/graphql",
  headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` },
  body: JSON.stringify({ query }),
});
const COVERAGE = `{ coverage(level: VILLAGE, first: 300) { totalCount edges { node { code name workforce enrolled coverageRate uncovered bySector { sector coverageRate } } } } }`;
const GEOMETRY = `{ regionGeometries(level: VILLAGE, detail: MEDIUM) }`;
let planNumber = 0;
const plan = () => {
  const i = planNumber++;
  return `{ outreachPlan(input: { sessions: ${1 + (i % 10)}, maxDistanceKm: ${(3 + (i % 200) / 50).toFixed(2)}, from: "2025-10-01", to: "2025-12-31" }) { totals { uncoveredReached premiumCost } } }`;
};

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

async function main() {
  const port = await freePort();
  const work = mkdtempSync(join(tmpdir(), "cakupan-bench-load-"));
  const shared = join(ROOT, "../shared/data/bangkalan/villages.geojson");
  const server = spawnBenchServer(port, {
    ADMIN_TOKEN: ADMIN,
    ...(process.env.DATABASE_URL ? {} : { DATA_DIR: join(work, "pgdata") }),
    ...(existsSync(shared) ? { BOUNDARIES: shared } : {}),
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await benchServerReady(server, url);
    // One of each first: the figures are for a running server, not its first PostGIS calls.
    for (const r of [graphql(COVERAGE), graphql(GEOMETRY), graphql(plan())]) await fetch(`${url}${r.path}`, r);
    const rssStart = rssMb(server.pid!);
    const times: number[] = [];
    const statuses = new Map<number, number>();
    let finish!: (result: autocannon.Result) => void;
    const done = new Promise<autocannon.Result>((ok) => (finish = ok));
    const instance = autocannon(
      {
        url,
        connections: Number(values.connections),
        duration: Number(values.seconds),
        timeout: 30,
        requests: [
          graphql(COVERAGE),
          { method: "GET", path: "/export/coverage.csv?level=VILLAGE&sector=FARMER" },
          { ...graphql(""), setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: plan() }) }) },
          graphql(GEOMETRY),
        ],
      },
      (error, result) => {
        if (error) throw error;
        finish(result);
      },
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      times.push(responseTime);
    });
    const result = await done;
    const rssEnd = rssMb(server.pid!);
    times.sort((a, b) => a - b);
    const byStatus = [...statuses].map(([s, n]) => `${s}: ${n}`).join(", ");
    console.log(
      `\n${values.connections} connections, ${values.seconds} s, ${process.env.DATABASE_URL ? "PostgreSQL server" : "embedded PGlite"}`,
    );
    console.log(`requests:   ${times.length} (${(times.length / Number(values.seconds)).toFixed(1)}/s; ${byStatus})`);
    console.log(`errors:     ${result.errors} connection errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
    console.log(`latency:    p50 ${quantileSorted(times, 0.5)} ms, p99 ${quantileSorted(times, 0.99)} ms`);
    console.log(`server RSS: ${rssStart.toFixed(0)} MB at start, ${rssEnd.toFixed(0)} MB at end`);
  } finally {
    await stopBenchServer(server);
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
