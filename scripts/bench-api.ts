// `npm run bench:api [-- --seconds 10 --connections 10]`: loads the village coverage query (all
// 281 villages, every field except geometry) over HTTP with autocannon, first against the app
// (Apollo + type-graphql), then against a minimal hand-written `pg` + `JSON.stringify` server
// answering the same SQL, and prints requests/s and p50/p95 latency for both and their ratio.
// Needs PostgreSQL+PostGIS (the hand-written server uses `pg`): DATABASE_URL, default the local
// server; a scratch database with the demo is created there and dropped afterwards.
// A benchmark, not a test. The load runs in a child process so it does not share the servers' CPU thread.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { pino } from "pino";
import { quantileSorted } from "simple-statistics";
import { createApp } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { openScratchDatabase } from "../server/db/scratch.ts";
import { seedDemo } from "../server/demo/seed-demo.service.ts";
import { coverageQuery, BY_SECTOR, LATEST_PERIOD } from "../server/coverage/coverage.sql.ts";
import { CoverageMetric, SortDirection } from "../domain/vocabulary.ts";
import { coverageFigures } from "../server/coverage/coverage.service.ts";
import { rate, reliabilityOf, uncovered } from "../server/coverage/rates.ts";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "10" }, connections: { type: "string", default: "10" }, load: { type: "string" } },
});

export const QUERY = `query Villages {
  coverage(level: VILLAGE, first: 500) {
    totalCount period pageInfo { hasNextPage endCursor }
    total { workforce enrolled coverageRate uncovered gapToTarget }
    edges { cursor node {
      code name level parentCode parentName workforce enrolled coverageRate uncovered areaKm2 uncoveredPerKm2
      gapToTarget rank reliability overEnrolled parent { code name }
      bySector { sector workforce enrolled coverageRate uncovered reliability }
    } }
  }
}`;

interface Load {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  bytes: number;
}

/** The child: runs autocannon against one URL and prints its figures as JSON. */
async function load(url: string): Promise<void> {
  const times: number[] = [];
  let bytes = 0;
  let finish!: (result: autocannon.Result) => void;
  const done = new Promise<autocannon.Result>((ok) => (finish = ok));
  const instance = autocannon(
    {
      url,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: QUERY }),
      connections: Number(values.connections),
      duration: Number(values.seconds),
    },
    (error, result) => {
      if (error) throw error;
      finish(result);
    },
  );
  instance.on("response", (_client, status, resBytes, responseTime) => {
    if (status === 200) times.push(responseTime);
    bytes = resBytes;
  });
  const result = await done;
  times.sort((a, b) => a - b);
  const figures: Load = {
    requests: times.length,
    rps: times.length / Number(values.seconds),
    p50: quantileSorted(times, 0.5),
    p95: quantileSorted(times, 0.95),
    errors: result.errors + result.non2xx + result.timeouts,
    bytes,
  };
  console.log(JSON.stringify(figures));
}

function loadInChild(url: string): Promise<Load> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      new URL(import.meta.url).pathname,
      "--load",
      url,
      "--seconds",
      values.seconds!,
      "--connections",
      values.connections!,
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (c) => (out += c));
  return new Promise((resolve, reject) =>
    child.on("close", (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`load exited ${code}`)),
    ),
  );
}

/** The hand-written baseline: the same SQL as the coverage resolver, rows merged and JSON.stringify'd. */
function handWritten(pool: pg.Pool): Server {
  const sql = coverageQuery(CoverageMetric.COVERAGE_RATE, SortDirection.ASC);
  return createServer((req, res) => {
    req.resume();
    req.on("end", async () => {
      const {
        rows: [{ period }],
      } = await pool.query(LATEST_PERIOD);
      const { rows } = await pool.query(sql, [period, 13, null, "VILLAGE", null, 0.5, 30, null, null, null, null, 501, 0]);
      const page = rows.slice(0, 500);
      const { rows: sectors } = await pool.query(BY_SECTOR, [period, 13, page.map((r) => r.code)]);
      const bySector = new Map<string, unknown[]>();
      for (const s of sectors) {
        bySector.set(s.code, [
          ...(bySector.get(s.code) ?? []),
          {
            sector: s.sector,
            workforce: s.workforce,
            enrolled: s.enrolled,
            coverageRate: rate(s.enrolled, s.workforce),
            uncovered: uncovered(s.enrolled, s.workforce),
            reliability: reliabilityOf(s.workforce, s.estimated, 30),
          },
        ]);
      }
      const first = rows[0] ?? {};
      const body = JSON.stringify({
        data: {
          coverage: {
            totalCount: first.total_count ?? 0,
            period,
            pageInfo: { hasNextPage: rows.length > 500, endCursor: null },
            total: {
              workforce: first.tot_workforce,
              enrolled: first.tot_enrolled,
              coverageRate: first.tot_workforce > 0 ? first.tot_enrolled / first.tot_workforce : null,
              uncovered: Math.max(first.tot_workforce - first.tot_enrolled, 0),
              gapToTarget: first.tot_gap,
            },
            edges: page.map((r, i) => ({
              cursor: String(i),
              node: {
                ...coverageFigures(r),
                parent: r.parent_code ? { code: r.parent_code, name: r.parent_name } : null,
                bySector: bySector.get(r.code) ?? [],
              },
            })),
          },
        },
      });
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    });
  });
}

const listen = async (server: Server) => {
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

async function main(): Promise<void> {
  const admin = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const db = await openScratchDatabase(admin);
  const pool = new pg.Pool({ connectionString: db.url!, max: 8 });
  pool.on("error", () => undefined); // connections cut when the scratch database is dropped
  const servers: Server[] = [];
  try {
    const shared = new URL("../../shared/data/bangkalan/villages.geojson", import.meta.url).pathname;
    await seedDemo(db, {
      regency: "35.26",
      seed: 1,
      boundaries: existsSync(shared) ? shared : undefined,
      urlTemplate: "http://127.0.0.1:9/offline/{regency}",
      nikKey: "bench-key-".padEnd(40, "x"),
      logger: pino({ level: "silent" }),
    });
    const { app, close: closeApp } = await createApp(db, loadConfig({}), pino({ level: "silent" }));
    servers.push(createServer(app), handWritten(pool));
    const [appUrl, baseUrl] = [await listen(servers[0]), await listen(servers[1])];
    // Both answer the same numbers (checked once, before the load).
    const answers = await Promise.all(
      [`${appUrl}/graphql`, baseUrl].map((u) =>
        fetch(u, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: QUERY }) }).then(
          (r) => r.json() as Promise<{ data: { coverage: { edges: { node: { enrolled: number; bySector: unknown[] } }[] } } }>,
        ),
      ),
    );
    const sums = answers.map((a) => a.data.coverage.edges.reduce((s, e) => s + e.node.enrolled + e.node.bySector.length, 0));
    if (answers[0].data.coverage.edges.length !== 281 || sums[0] !== sums[1])
      throw new Error(`the two servers disagree: ${JSON.stringify(sums)}`);
    console.log(
      `Village coverage query: ${answers[0].data.coverage.edges.length} villages, ${JSON.stringify(answers[0]).length.toLocaleString("en")} bytes; ${values.connections} connections, ${values.seconds} s each.`,
    );
    const results: [string, Load][] = [];
    for (const [name, url] of [
      ["app (Apollo + type-graphql)", `${appUrl}/graphql`],
      ["hand-written pg + JSON.stringify", baseUrl],
    ] as const) {
      const figures = await loadInChild(url);
      results.push([name, figures]);
      console.log(
        `${name.padEnd(34)} ${figures.rps.toFixed(0).padStart(6)} requests/s   p50 ${figures.p50.toFixed(1)} ms   p95 ${figures.p95.toFixed(1)} ms   (${figures.requests} requests, ${figures.errors} errors)`,
      );
    }
    console.log(`Ratio app / hand-written: ${(results[0][1].rps / results[1][1].rps).toFixed(2)}`);
    await closeApp();
  } finally {
    for (const s of servers) s.close();
    await pool.end();
    await db.close(); // drops the scratch database (the pool has ended, so no connection is cut)
  }
}

if (values.load) await load(values.load);
else await main();
