// `npm run bench:scale [-- --seconds 10 --connections 20]`: the village coverage query through a
// load balancer (nginx) in front of one, then two Cakupan processes over the same PostgreSQL
// database and Redis, printing both figures side by side. Each request asks for a different
// `minWorkforce`, so the response cache cannot answer it ("computed"); a second pair of runs repeats
// one query ("cached", answered from Redis). The database is a scratch copy on DATABASE_URL's server
// (default the local one), seeded with the demo and dropped after. Needs nginx (apt-get install
// nginx-light) and Redis (REDIS_URL, default redis://127.0.0.1:6379). A benchmark, not a test.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { execFileSync } from "node:child_process";
import autocannon from "autocannon";
import { pino } from "pino";
import { createClient } from "@keyv/redis";
import { freePort } from "./free-port.ts";
import { benchServerReady, spawnBenchServer } from "./bench-server.ts";
import { openScratchDatabase } from "../server/db/scratch.ts";
import { seedDemo } from "../server/demo/seed-demo.service.ts";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "10" }, connections: { type: "string", default: "20" } } });
const ROOT = new URL("..", import.meta.url).pathname;
const ADMIN_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `cakupan-bench-${randomBytes(4).toString("hex")}`;
const NIK_KEY = randomBytes(32).toString("hex");
const COVERAGE = `query ($min: Int!) { coverage(level: VILLAGE, first: 300, minWorkforce: $min) {
  totalCount edges { node { code name workforce enrolled coverageRate uncovered bySector { sector coverageRate } } } } }`;

const stopped = (child: ChildProcess) => new Promise((ok) => (child.exitCode != null ? ok(null) : child.once("exit", ok)));

function startApi(port: number, databaseUrl: string): ChildProcess {
  return spawnBenchServer(port, {
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    REDIS_KEY_PREFIX: PREFIX,
    NIK_HASH_KEY: NIK_KEY,
  });
}

/** nginx with one server block per balancer: its port and the API ports behind it. */
function startNginx(dir: string, balancers: { port: number; upstream: number[] }[]): ChildProcess {
  const blocks = balancers.map(
    (b, i) => `
  upstream api${i} { ${b.upstream.map((p) => `server 127.0.0.1:${p};`).join(" ")} keepalive 32; }
  server {
    listen 127.0.0.1:${b.port};
    location / { proxy_pass http://api${i}; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }`,
  );
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${dir}/${t};`).join("\n  ");
  writeFileSync(
    join(dir, "nginx.conf"),
    `worker_processes 1;\npid ${dir}/nginx.pid;\nerror_log stderr warn;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n  ${temp}${blocks.join("")}\n}\n`,
  );
  return spawn("nginx", ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
}

async function measure(url: string, cached: boolean) {
  let min = 0;
  const body = () => JSON.stringify({ query: COVERAGE, variables: { min: cached ? 30 : 1000 + min++ } });
  const result = await autocannon({
    url: `${url}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    connections: Number(values.connections),
    duration: Number(values.seconds),
    timeout: 30,
    requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }],
  });
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors };
}

async function main() {
  try {
    execFileSync("nginx", ["-v"], { stdio: "ignore" });
  } catch {
    throw new Error("nginx is not installed: apt-get install nginx-light");
  }
  const work = mkdtempSync(join(tmpdir(), "cakupan-bench-scale-"));
  const db = await openScratchDatabase(ADMIN_URL);
  const children: ChildProcess[] = [];
  try {
    console.log(`Seeding the demo into ${db.name}...`);
    await seedDemo(db, {
      regency: "35.26",
      seed: 1,
      urlTemplate: "http://127.0.0.1:9/{regency}",
      nikKey: NIK_KEY,
      logger: pino({ level: "silent" }),
    });
    const [api1, api2, lbOne, lbTwo] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    children.push(startApi(api1, db.url!), startApi(api2, db.url!));
    await Promise.all([
      benchServerReady(children[0]!, `http://127.0.0.1:${api1}`),
      benchServerReady(children[1]!, `http://127.0.0.1:${api2}`),
    ]);
    children.push(
      startNginx(work, [
        { port: lbOne, upstream: [api1] },
        { port: lbTwo, upstream: [api1, api2] },
      ]),
    );
    await benchServerReady(children[2]!, `http://127.0.0.1:${lbTwo}`);
    const rows: string[] = [];
    for (const cached of [false, true]) {
      for (const [label, port] of [
        ["1 process ", lbOne],
        ["2 processes", lbTwo],
      ] as const) {
        const r = await measure(`http://127.0.0.1:${port}`, cached);
        rows.push(
          `${cached ? "cached  " : "computed"}  ${label}  ${r.perSecond.toFixed(1).padStart(8)} req/s  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  failed ${r.failed}`,
        );
      }
    }
    console.log(`\nVillage coverage query (281 villages) through nginx, ${values.connections} connections, ${values.seconds} s each:`);
    for (const row of rows) console.log(`  ${row}`);
  } finally {
    for (const child of children.reverse()) {
      child.kill("SIGTERM");
      await stopped(child);
    }
    await db.close();
    const redis = createClient({ url: REDIS_URL });
    await redis.connect().then(
      async () => {
        const keys = await redis.keys(`${PREFIX}*`);
        if (keys.length) await redis.del(keys);
        await redis.close();
      },
      () => undefined,
    );
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
