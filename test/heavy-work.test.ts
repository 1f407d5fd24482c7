import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "../server/db/database.ts";
import { RequestAborted } from "../server/common/heavy-work.ts";
import { postGraphql } from "./support/http.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { spawnSeededServer } from "./support/processes.ts";

// Each plan differs (the response cache would answer repeats without planning).
const plan = (i: number) =>
  `{ outreachPlan(input: { sessions: ${1 + (i % 10)}, maxDistanceKm: ${3 + i / 10}, from: "2025-10-01", to: "2025-12-31" }) { totals { uncoveredReached } } }`;

describe("heavy work is bounded (both database modes)", () => {
  let db: Database;
  let server: Awaited<ReturnType<typeof spawnSeededServer>>;
  const work = mkdtempSync(join(tmpdir(), "cakupan-heavy-"));
  beforeAll(async () => {
    db = await openSeededDatabase();
    server = await spawnSeededServer(work);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    rmSync(work, { recursive: true, force: true });
  });

  // The server runs in a process of its own: in this one, a blocked event loop would stop the clock too.
  it("answers a coverage query within 1 s while 50 plans are asked at once; each plan answers or is refused as PLANNER_BUSY", async () => {
    const url = server.url;
    // One plan first: PGlite's first PostGIS distance query warms up for a couple of seconds.
    expect((await postGraphql(url, plan(50))).body.errors).toBeUndefined();
    const plans = Array.from({ length: 50 }, (_, i) => postGraphql(url, plan(i)));
    let running = true;
    void Promise.all(plans).then(() => (running = false));
    // Once the server has taken all 50 in (queued or refused), while the queued ones run.
    await new Promise((ok) => setTimeout(ok, 1000));
    const started = performance.now();
    const health = await fetch(`${url}/healthz`);
    const coverage = await postGraphql(
      url,
      `{ coverage(level: VILLAGE, sector: FISHER, first: 50) { totalCount edges { node { code coverageRate } } } }`,
    );
    const elapsed = performance.now() - started;
    expect(health.status).toBe(200);
    expect(coverage.body.errors).toBeUndefined();
    expect(coverage.body.data.coverage.edges.length).toBeGreaterThan(0);
    expect(running, "plans still running while coverage was asked").toBe(true);
    expect(elapsed, "coverage (and /healthz) while 50 plans are asked").toBeLessThan(1000);

    const results = await Promise.all(plans);
    const answered = results.filter((r) => r.status === 200 && r.body.data?.outreachPlan);
    const busy = results.filter((r) => r.status === 503 && r.body.errors?.[0].extensions.code === "PLANNER_BUSY");
    expect(answered.length + busy.length, JSON.stringify(results.find((r) => !answered.includes(r) && !busy.includes(r))?.body)).toBe(50);
    expect(answered.length).toBeGreaterThanOrEqual(21); // 1 or 2 at once + 20 waiting
    expect(busy[0].body.errors![0].message).toMatch(
      /^The server is busy with \d+ plans \(and \d+ waiting\): try again in a few seconds\.$/,
    );
  });

  it("cancels an abandoned request's running SQL statement (server), and never starts another (both)", async () => {
    const abandoned = new AbortController();
    if (db.mode === "server") {
      const started = performance.now();
      const sleeping = db.sql.query(`SELECT pg_sleep(5) AS "cancelMe"`, [], { signal: abandoned.signal });
      setTimeout(() => abandoned.abort(), 200);
      await expect(sleeping).rejects.toBeInstanceOf(RequestAborted);
      expect(performance.now() - started).toBeLessThan(2000);
      const running = await db.sql.query(`SELECT pid FROM pg_stat_activity WHERE query LIKE '%cancelMe%' AND pid <> pg_backend_pid()`);
      expect(running).toEqual([]);
    } else abandoned.abort(); // PGlite cannot stop a statement once it runs
    await expect(db.sql.query(`SELECT 1`, [], { signal: abandoned.signal })).rejects.toBeInstanceOf(RequestAborted);
  });
});
