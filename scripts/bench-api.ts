// `npm run bench:api [-- --seconds 10 --connections 10]`: loads the API over HTTP with autocannon and
// prints each figure beside its reference, all in one run:
// - the village coverage query (all 281 villages, every field except geometry) from the app (Apollo +
//   type-graphql), repeated (a response-cache hit) and with a random `target` on every request (a
//   cache miss: what an analyst's new question costs), beside a minimal hand-written `pg` +
//   `JSON.stringify` server answering the same SQL;
// - `regions(level: VILLAGE) { code name }` from the app (repeated, and with a nonce variable on every
//   request so the response cache misses), the hand-written server, and PostGraphile 5 (amber
//   preset) over the same database.
// Needs PostgreSQL+PostGIS: DATABASE_URL, default the local server; a scratch database with the demo
// is created there and dropped afterwards.
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
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    load: { type: "string" },
    body: { type: "string" },
    vary: { type: "string" },
  },
});

export const QUERY = `query Villages($target: Float = 0.5) {
  coverage(level: VILLAGE, first: 500, target: $target) {
    totalCount period pageInfo { hasNextPage endCursor }
    total { workforce enrolled coverageRate uncovered gapToTarget }
    edges { cursor node {
      code name level parentCode parentName workforce enrolled coverageRate uncovered areaKm2 uncoveredPerKm2
      gapToTarget rank reliability overEnrolled parent { code name }
      bySector { sector workforce enrolled coverageRate uncovered reliability }
    } }
  }
}`;
const REGIONS = `query Regions { regions(level: VILLAGE) { code name } }`;
const REGIONS_POSTGRAPHILE = `query Regions { allRegions(condition: { level: VILLAGE }, orderBy: CODE_ASC) { nodes { code name } } }`;

/** What a request's variables are: always the same (cached), or a new target / nonce every time (a cache miss). */
type Vary = "none" | "target" | "nonce";
const variablesFor = (vary: Vary): Record<string, unknown> =>
  vary === "target"
    ? { target: Math.round(Math.random() * 1e6) / 1e6 }
    : vary === "nonce"
      ? { nonce: Math.random() } // not declared by the operation: ignored by execution, part of the cache key
      : {};

interface Load {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  bytes: number;
}

/** The child: runs autocannon against one URL and prints its figures as JSON. */
async function load(url: string, query: string, vary: Vary): Promise<void> {
  const times: number[] = [];
  let bytes = 0;
  let finish!: (result: autocannon.Result) => void;
  const done = new Promise<autocannon.Result>((ok) => (finish = ok));
  const instance = autocannon(
    {
      url,
      method: "POST",
      headers: { "content-type": "application/json" },
      requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ query, variables: variablesFor(vary) }) }) }],
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

function loadInChild(url: string, query: string, vary: Vary): Promise<Load> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      new URL(import.meta.url).pathname,
      "--load",
      url,
      "--body",
      query,
      "--vary",
      vary,
      "--seconds",
      values.seconds!,
      "--connections",
      values.connections!,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (c) => (out += c));
  return new Promise((resolve, reject) =>
    child.on("close", (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`load exited ${code}`)),
    ),
  );
}

/** Reads a JSON request body. */
function readBody(req: import("node:http").IncomingMessage): Promise<{ query: string; variables?: { target?: number } }> {
  return new Promise((ok, fail) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => ok(JSON.parse(text)));
    req.on("error", fail);
  });
}

/**
 * The hand-written baseline: the same SQL as the coverage resolver, rows merged and
 * JSON.stringify'd (the target taken from the variables); the regions query as one SELECT.
 */
function handWritten(pool: pg.Pool): Server {
  const sql = coverageQuery(CoverageMetric.COVERAGE_RATE, SortDirection.ASC);
  const villageCoverage = async (target: number) => {
    const {
      rows: [{ period }],
    } = await pool.query(LATEST_PERIOD);
    const { rows } = await pool.query(sql, [period, 13, null, "VILLAGE", null, target, 30, null, null, null, null, 501, 0, []]);
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
    return {
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
    };
  };
  const regions = async () => ({
    regions: (await pool.query(`SELECT code, name FROM region WHERE level = 'VILLAGE' ORDER BY code`)).rows,
  });
  return createServer(async (req, res) => {
    const body = await readBody(req);
    const data = body.query.includes("coverage") ? await villageCoverage(body.variables?.target ?? 0.5) : await regions();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data }));
  });
}

/** PostGraphile 5 (amber preset) over the same database, served by grafserv on node:http. */
async function postGraphile(pool: pg.Pool): Promise<{ server: Server; release(): Promise<void> }> {
  // PostGraphile 5 uses Promise.withResolvers (Node 22); this bench runs on Node 20 too.
  const P = Promise as unknown as { withResolvers?: () => unknown };
  P.withResolvers ??= () => {
    let resolve!: (v: unknown) => void, reject!: (e: unknown) => void;
    const promise = new Promise((ok, fail) => ((resolve = ok), (reject = fail)));
    return { promise, resolve, reject };
  };
  const { postgraphile } = await import("postgraphile");
  const { PostGraphileAmberPreset } = await import("postgraphile/presets/amber");
  const { makePgService } = await import("postgraphile/adaptors/pg");
  const { grafserv } = await import("postgraphile/grafserv/node");
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ pool, schemas: ["public"] })],
    grafserv: { graphqlPath: "/graphql", graphiql: false },
  });
  const server = createServer();
  pgl.createServ(grafserv).addTo(server);
  return {
    server,
    async release() {
      await pgl.release();
    },
  };
}

const listen = async (server: Server) => {
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const post = (url: string, query: string, variables: Record<string, unknown> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) }).then(
    (r) => r.json() as Promise<{ data: Record<string, unknown>; errors?: unknown[] }>,
  );

async function main(): Promise<void> {
  const admin = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const db = await openScratchDatabase(admin);
  const pool = new pg.Pool({ connectionString: db.url!, max: 8 });
  const graphilePool = new pg.Pool({ connectionString: db.url!, max: 8 });
  for (const p of [pool, graphilePool]) p.on("error", () => undefined); // connections cut when the scratch database is dropped
  const servers: Server[] = [];
  let releasePostGraphile = async () => undefined as unknown;
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
    // Nothing suppressed (MIN_CELL_SIZE 1): the hand-written server does no disclosure control either.
    const { app, close: closeApp } = await createApp(db, loadConfig({ MIN_CELL_SIZE: "1" }), pino({ level: "silent" }));
    const graphile = await postGraphile(graphilePool);
    releasePostGraphile = graphile.release;
    servers.push(createServer(app), handWritten(pool), graphile.server);
    const [appUrl, baseUrl, pglUrl] = [
      `${await listen(servers[0])}/graphql`,
      await listen(servers[1]),
      `${await listen(servers[2])}/graphql`,
    ];

    // Every server answers the same numbers (checked once, before the load).
    type Coverage = { coverage: { edges: { node: { enrolled: number; gapToTarget: number; bySector: unknown[] } }[] } };
    const target = { target: 0.7 };
    const answers = (await Promise.all([post(appUrl, QUERY, target), post(baseUrl, QUERY, target)])).map((a) => a.data as Coverage);
    const sums = answers.map((a) =>
      a.coverage.edges.reduce((s, e) => s + e.node.enrolled + e.node.gapToTarget + e.node.bySector.length, 0),
    );
    if (answers[0].coverage.edges.length !== 281 || sums[0] !== sums[1])
      throw new Error(`the app and the hand-written server disagree: ${JSON.stringify(sums)}`);
    const regionAnswers = await Promise.all([post(appUrl, REGIONS), post(baseUrl, REGIONS), post(pglUrl, REGIONS_POSTGRAPHILE)]);
    const regionLists = regionAnswers.map((a) =>
      JSON.stringify((a.data as { regions?: unknown[] }).regions ?? (a.data as { allRegions: { nodes: unknown[] } }).allRegions.nodes),
    );
    if (new Set(regionLists).size !== 1 || JSON.parse(regionLists[0]).length !== 281)
      throw new Error(`the regions answers disagree: ${regionLists.map((l) => l.length).join(", ")} characters`);

    console.log(
      `Village coverage query: ${answers[0].coverage.edges.length} villages, ${JSON.stringify(answers[0]).length.toLocaleString("en")} bytes; ` +
        `regions(level: VILLAGE) { code name }: ${regionLists[0].length.toLocaleString("en")} bytes; ${values.connections} connections, ${values.seconds} s each.`,
    );
    const runs = [
      ["coverage", "app, cached (the same query)", appUrl, QUERY, "none"],
      ["coverage", "app, uncached (random target)", appUrl, QUERY, "target"],
      ["coverage", "hand-written pg + JSON.stringify", baseUrl, QUERY, "target"],
      ["regions", "app, cached (the same query)", appUrl, REGIONS, "none"],
      ["regions", "app, uncached (nonce variable)", appUrl, REGIONS, "nonce"],
      ["regions", "hand-written pg + JSON.stringify", baseUrl, REGIONS, "none"],
      ["regions", "PostGraphile 5 (amber)", pglUrl, REGIONS_POSTGRAPHILE, "none"],
    ] as const;
    const rps: Record<string, number> = {};
    for (const [what, name, url, query, vary] of runs) {
      const f = await loadInChild(url, query, vary);
      rps[`${what}: ${name}`] = f.rps;
      console.log(
        `${`${what}: ${name}`.padEnd(44)} ${f.rps.toFixed(0).padStart(6)} requests/s   p50 ${f.p50.toFixed(1)} ms   p95 ${f.p95.toFixed(1)} ms   (${f.requests} requests, ${f.errors} errors)`,
      );
    }
    const ratio = (a: string, b: string) => (rps[a] / rps[b]).toFixed(2);
    console.log(`Ratios:
  coverage, app uncached / hand-written: ${ratio("coverage: app, uncached (random target)", "coverage: hand-written pg + JSON.stringify")} (aim at least 0.5)
  coverage, app cached / hand-written:   ${ratio("coverage: app, cached (the same query)", "coverage: hand-written pg + JSON.stringify")}
  regions, app cached / PostGraphile:    ${ratio("regions: app, cached (the same query)", "regions: PostGraphile 5 (amber)")} (aim at least 3)
  regions, app uncached / PostGraphile:  ${ratio("regions: app, uncached (nonce variable)", "regions: PostGraphile 5 (amber)")}
  regions, app cached / hand-written:    ${ratio("regions: app, cached (the same query)", "regions: hand-written pg + JSON.stringify")}
  regions, app uncached / hand-written:  ${ratio("regions: app, uncached (nonce variable)", "regions: hand-written pg + JSON.stringify")}`);
    await closeApp();
  } finally {
    for (const s of servers) s.close();
    await releasePostGraphile();
    await Promise.all([pool.end(), graphilePool.end()]);
    await db.close(); // drops the scratch database (the pool has ended, so no connection is cut)
  }
}

if (values.load) await load(values.load, values.body!, values.vary as Vary);
else await main();
