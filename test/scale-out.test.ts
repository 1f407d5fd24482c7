// Two API processes over a PostgreSQL primary and a streaming replica, sharing the machine's Redis:
// the scaled setup of docker-compose.yml, on this machine. Server mode by nature: in both database
// modes of the suite it runs on the local server (TEST_DATABASE_URL, else 127.0.0.1:5432), in a
// scratch database of its own. The steps share one expensive setup (a base backup, a postmaster,
// two processes) and run in order; the destructive ones (stopping the replica, killing a process) last.
import { randomBytes } from "node:crypto";
import { createClient } from "@keyv/redis";
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openScratchDatabase, type ScratchDatabase } from "../server/db/scratch.ts";
import { ReplicaSet } from "../server/db/replicas.ts";
import { ADMIN } from "./support/graphql.ts";
import { postGraphql } from "./support/http.ts";
import { freePort, spawnServer, spawnTsx } from "./support/processes.ts";
import { LOCAL_SERVER, startReplica, type Replica } from "./support/replica.ts";
import { seedTestDemo, TEST_NIK_KEY } from "./support/seeded.ts";

const PREFIX = `cakupan-test-${randomBytes(6).toString("hex")}`;
const MACHINE_REDIS = "redis://127.0.0.1:6379";
type Server = Awaited<ReturnType<typeof spawnServer>>;

let db: ScratchDatabase;
let replica: Replica;
let a: Server;
let b: Server;

beforeAll(async () => {
  const fixture = inject("seededFixture");
  db = await openScratchDatabase(LOCAL_SERVER, undefined, fixture.kind === "server" ? { template: fixture.template } : {});
  if (fixture.kind === "embedded") await seedTestDemo(db);
  replica = await startReplica(); // after the database exists: the base backup holds it
  const env = {
    DATABASE_URL: db.url!,
    DATABASE_REPLICA_URLS: replica.url(db.name!),
    REPLICA_MAX_LAG_SECONDS: "60", // the data version, not the lag limit, keeps answers fresh below
    REDIS_URL: MACHINE_REDIS,
    REDIS_KEY_PREFIX: PREFIX,
    NIK_HASH_KEY: TEST_NIK_KEY,
    ADMIN_TOKEN: ADMIN,
    NODE_ENV: "production",
  };
  [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
});

afterAll(async () => {
  await Promise.allSettled([a?.close(), b?.close()]);
  await replica?.close();
  await db?.close();
  const redis = createClient({ url: MACHINE_REDIS });
  await redis.connect();
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length) await redis.del(keys);
  await redis.close();
});

const readyz = async (url: string) => {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
};

/** Tuples the replica has read in `database` (its own statistics, flushed by its backends within ~10 s). */
async function replicaTuplesRead(): Promise<number> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: replica.url("postgres") });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT (tup_returned + tup_fetched)::float8 AS n FROM pg_stat_database WHERE datname = $1`, [
      db.name,
    ]);
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

const VILLAGES = `query ($min: Int!) { coverage(level: VILLAGE, first: 300, minWorkforce: $min) { totalCount } }`;
const IMPORT = `mutation ($files: [ImportFileInput!]!) { importFile(kind: WORKFORCE, files: $files) { rows } }`;

describe("scaled out: two API processes, a streaming replica, one Redis", () => {
  it("each process is ready: the primary, the replica and Redis up", async () => {
    for (const server of [a, b]) {
      const { status, body } = await readyz(server.url);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        ok: true,
        database: { mode: "server", state: "up" },
        replicas: [{ url: replica.url(db.name!), state: "up", lagSeconds: expect.any(Number) }],
        cache: { store: "redis", state: "up" },
      });
    }
  });

  it("queries read from the replica", async () => {
    const before = await replicaTuplesRead();
    const answer = await postGraphql(b.url, VILLAGES, { min: 7 });
    expect(answer.body.errors).toBeUndefined();
    // The village query reads thousands of coverage_summary rows; the replica's own checks read none.
    await expect.poll(async () => (await replicaTuplesRead()) - before, { timeout: 30_000, interval: 500 }).toBeGreaterThan(1000);
  });

  it("an import through one process is visible at once through the other, never stale, even while the replica lags", async () => {
    const [{ period }] = await db.sql.query<{ period: string }>(`SELECT max(period) AS period FROM coverage_summary`);
    const [{ code }] = await db.sql.query<{ code: string }>(
      `SELECT village_code AS code FROM workforce_estimate WHERE sector_code = 'FARMER' ORDER BY village_code LIMIT 1`,
    );
    const village = `query ($p: String!) { coverage(level: VILLAGE, sector: FARMER, period: $p, first: 300) { edges { node { code workforce } } } }`;
    const workforceThrough = async (url: string) => {
      const { body } = await postGraphql(url, village, { p: period });
      expect(body.errors).toBeUndefined();
      return (body.data.coverage.edges as { node: { code: string; workforce: number } }[]).find((e) => e.node.code === code)!.node
        .workforce;
    };
    await workforceThrough(b.url);
    expect((await postGraphql(b.url, village, { p: period })).headers.get("age"), "B's answer is cached").not.toBeNull();

    await replica.pauseReplay(); // from here the replica holds the data as it was
    try {
      for (const workers of [70001, 70002, 70003]) {
        const csv = `kode_desa,sektor,periode,jumlah_pekerja,sumber\n${code},petani,${period},${workers},BPS`;
        const imported = await postGraphql(a.url, IMPORT, { files: [{ name: "pekerja.csv", text: csv }] }, ADMIN);
        expect(imported.body.errors).toBeUndefined();
        expect(await workforceThrough(b.url), "through B right after the import through A").toBe(workers);
        expect(await workforceThrough(a.url)).toBe(workers);
      }
      // The replica is behind: a set with a 1 s limit calls it lagging once a second has passed.
      const strict = new ReplicaSet(db.sql, [replica.url(db.name!)], 1);
      try {
        await expect
          .poll(async () => (await strict.check(), strict.status()[0]!.state), { timeout: 20_000, interval: 300 })
          .toBe("lagging");
      } finally {
        await strict.close();
      }
    } finally {
      await replica.resumeReplay();
    }
  });

  it("another NIK key is refused at start (the database knows the first key's fingerprint)", async () => {
    const other = spawnTsx("server/main.ts", [], {
      DATABASE_URL: db.url!,
      NIK_HASH_KEY: "another-key-".padEnd(40, "y"),
      NODE_ENV: "production",
      PORT: String(await freePort()),
    });
    const finished = await other.finished;
    expect(finished.code).toBe(1);
    expect(finished.stderr).toMatch(/NIKs were hashed with another key/);
  });

  it("the replica stopping under load sends reads to the primary, without an error", async () => {
    let n = 100;
    const load = async (rounds: number) => {
      const answers = [];
      for (let i = 0; i < rounds; i++)
        answers.push(...(await Promise.all([a, b, a, b].map((s) => postGraphql(s.url, VILLAGES, { min: n++ })))));
      return answers;
    };
    const during = load(15);
    await load(1);
    await replica.stop();
    const answers = [...(await during), ...(await load(3))];
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    expect(answers.filter((r) => r.body.errors)).toEqual([]);
    for (const server of [a, b]) {
      const { status, body } = await readyz(server.url);
      expect(status).toBe(200);
      expect(body.replicas).toMatchObject([{ state: "down" }]);
    }
  });

  it("one process killed under load: the other goes on answering", async () => {
    let n = 1000;
    const onB = Array.from({ length: 5 }, async () => {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await postGraphql(b.url, VILLAGES, { min: n++ })).status);
      return statuses;
    });
    a.run.child.kill("SIGKILL");
    await a.run.finished;
    expect((await Promise.all(onB)).flat()).toEqual(Array(30).fill(200));
    await expect(fetch(`${a.url}/healthz`)).rejects.toThrow();
    expect((await readyz(b.url)).status).toBe(200);
  });
});
