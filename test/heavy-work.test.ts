import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "../server/db/database.ts";
import { RequestAborted } from "../server/common/heavy-work.ts";
import { postGraphql } from "./support/http.ts";
import { ADMIN } from "./support/graphql.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { spawnSeededServer } from "./support/processes.ts";
import pg from "pg";

// Each plan differs (the response cache would answer repeats without planning).
const plan = (i: number) =>
  `{ outreachPlan(input: { sessions: ${1 + (i % 10)}, maxDistanceKm: ${3 + i / 10}, from: "2025-10-01", to: "2025-12-31" }) { totals { uncoveredReached } } }`;

describe("heavy work is bounded (both database modes)", () => {
  let db: Database;
  let server: Awaited<ReturnType<typeof spawnSeededServer>>;
  const work = mkdtempSync(join(tmpdir(), "cakupan-heavy-"));
  beforeAll(async () => {
    db = await openSeededDatabase();
    server = await spawnSeededServer(work, { ADMIN_TOKEN: ADMIN });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    rmSync(work, { recursive: true, force: true });
  });

  // Ordering, not milliseconds (speed is in `npm run bench:load`): the coverage query and /healthz
  // are answered while most of the answered plans are still to come, i.e. they did not wait behind them.
  it("answers a coverage query while 50 plans are asked at once, before most of them finish; each plan answers or is refused as PLANNER_BUSY", async () => {
    const url = server.url;
    // One plan first: PGlite's first PostGIS distance query warms up for a couple of seconds.
    expect((await postGraphql(url, plan(50), undefined, ADMIN)).body.errors).toBeUndefined();
    let planned = 0; // plans answered with a plan so far
    const plans = Array.from({ length: 50 }, (_, i) =>
      postGraphql(url, plan(i), undefined, ADMIN).then((r) => {
        if (r.status === 200 && r.body.data?.outreachPlan) planned++;
        return r;
      }),
    );
    // Once the server has taken all 50 in (queued or refused), while the queued ones run.
    await new Promise((ok) => setTimeout(ok, 1000));
    const health = await fetch(`${url}/healthz`);
    const plannedAtHealth = planned;
    const coverage = await postGraphql(
      url,
      `{ coverage(level: VILLAGE, sector: FISHER, first: 50) { totalCount edges { node { code coverageRate } } } }`,
    );
    const plannedAtCoverage = planned;
    expect(health.status).toBe(200);
    expect(coverage.body.errors).toBeUndefined();
    expect(coverage.body.data.coverage.edges.length).toBeGreaterThan(0);
    const results = await Promise.all(plans);
    const answered = results.filter((r) => r.status === 200 && r.body.data?.outreachPlan);
    const busy = results.filter((r) => r.status === 503 && r.body.errors?.[0].extensions.code === "PLANNER_BUSY");
    expect(answered.length + busy.length, JSON.stringify(results.find((r) => !answered.includes(r) && !busy.includes(r))?.body)).toBe(50);
    expect(answered.length).toBeGreaterThanOrEqual(21); // 1 or 2 at once + 20 waiting
    // Queued behind the plans, coverage would come after all of them; it came before half.
    expect(plannedAtHealth, "plans answered before /healthz").toBeLessThan(answered.length / 2);
    expect(plannedAtCoverage, "plans answered before the coverage query").toBeLessThan(answered.length / 2);
    expect(busy[0].body.errors![0].message).toMatch(
      /^The server is busy with \d+ plans \(and \d+ waiting\): try again in a few seconds\.$/,
    );
  });

  it("cancels an abandoned request's running SQL statement (server), and never starts another (both)", async () => {
    const abandoned = new AbortController();
    if (db.mode === "server") {
      const sleeping = db.sql.query(`SELECT pg_sleep(5) AS "cancelMe"`, [], { signal: abandoned.signal });
      setTimeout(() => abandoned.abort(), 200);
      await expect(sleeping).rejects.toBeInstanceOf(RequestAborted);
      const running = await db.sql.query(`SELECT pid FROM pg_stat_activity WHERE query LIKE '%cancelMe%' AND pid <> pg_backend_pid()`);
      expect(running).toEqual([]);
    } else abandoned.abort(); // PGlite cannot stop a statement once it runs
    await expect(db.sql.query(`SELECT 1`, [], { signal: abandoned.signal })).rejects.toBeInstanceOf(RequestAborted);
  });

  // Embedded, PGlite runs in a worker thread (EMBEDDED_THREAD=worker): a statement sent there waits
  // its turn behind the open transaction; abandoned meanwhile, it is taken out and never runs.
  it("embedded: an abandoned request's statement waiting behind a transaction never runs", async () => {
    if (db.mode !== "embedded") return expect(db.mode).toBe("server");
    await db.sql.query(`CREATE TABLE abandoned_probe (n int)`);
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    const transaction = db.sql.transaction(async (tx) => {
      await tx.query(`SELECT 1`);
      await held;
    });
    const abandoned = new AbortController();
    const insert = db.sql.query(`INSERT INTO abandoned_probe VALUES (1)`, [], { signal: abandoned.signal });
    await new Promise((ok) => setTimeout(ok, 300)); // sent, and waiting in the worker
    abandoned.abort();
    await expect(insert).rejects.toBeInstanceOf(RequestAborted);
    release();
    await transaction;
    await db.sql.query(`INSERT INTO abandoned_probe VALUES (2)`); // the turn after the abandoned one's
    expect(await db.sql.query(`SELECT n FROM abandoned_probe`)).toEqual([{ n: 2 }]);
  });

  // PGlite cannot stop a statement once it runs: there is no statement to watch or cancel from
  // outside, so this is a server-mode check; embedded, the tests above show queued work never starts.
  it("cancels a plan's SQL statement on the server when its HTTP client disconnects mid-plan", async () => {
    if (!server.databaseUrl) return expect(db.mode).toBe("embedded");
    // Two connections: pg_stat_activity is read once per transaction, so the watcher must not be the one holding the lock.
    const locker = new pg.Client({ connectionString: server.databaseUrl });
    const watcher = new pg.Client({ connectionString: server.databaseUrl });
    await Promise.all([locker.connect(), watcher.connect()]);
    const planStatements = () =>
      watcher
        .query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE '%distribution_schedule%' AND pid <> pg_backend_pid()`,
        )
        .then((r) => r.rowCount);
    try {
      // The plan's first statement reads distribution_schedule: while the locker holds it, the statement waits, visibly.
      await locker.query(`BEGIN; LOCK TABLE distribution_schedule IN ACCESS EXCLUSIVE MODE`);
      const client = new AbortController();
      const request = fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({ query: plan(77) }),
        signal: client.signal,
      }).catch((e: Error) => e);
      await expect.poll(planStatements, { timeout: 30_000 }).toBe(1);
      client.abort();
      expect(await request).toBeInstanceOf(Error);
      // Still locked: had it not been cancelled, the statement would wait as long as the lock is held.
      await expect.poll(planStatements, { timeout: 30_000 }).toBe(0);
      await locker.query(`ROLLBACK`);
      expect((await postGraphql(server.url, plan(78), undefined, ADMIN)).body.data.outreachPlan.totals).toBeDefined();
    } finally {
      await Promise.all([locker.end(), watcher.end()]);
    }
  });
});
