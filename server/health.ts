import express from "express";
import type { Database } from "./db/database.ts";
import type { SharedCache } from "./cache/shared-cache.ts";
import { TimeoutError, withTimeout } from "./common/timeout.ts";

/** Set when the process has been told to stop (SIGTERM): /readyz says 503 so a load balancer sends no more. */
export interface Lifecycle {
  stopping: boolean;
}

/** Why the database cannot answer `SELECT 1` within 3 s, or null when it can. */
async function databaseProblem(db: Database): Promise<string | null> {
  try {
    await withTimeout(db.sql.query("SELECT 1"), 3000);
    return null;
  } catch (error) {
    return error instanceof TimeoutError ? "no answer within 3 s" : `the database did not answer: ${(error as Error).message}`;
  }
}

/**
 * `/healthz`: the process answers (liveness). `/readyz`: the primary database, each replica and
 * the cache, with details; 503 only when the primary cannot answer or the process is stopping.
 * A replica or Redis down leaves it 200: reads then go to the primary and answers are uncached,
 * still right, and taking every process out of the load balancer would turn a slowdown into an outage.
 */
export function healthRoutes(db: Database, cache: SharedCache, lifecycle: Lifecycle): express.Router {
  const router = express.Router();
  router.get("/healthz", (_req, res) => void res.json({ ok: true, database: db.mode }));
  router.get("/readyz", async (_req, res) => {
    const [problem, cacheStatus] = await Promise.all([databaseProblem(db), cache.check()]);
    const ok = !problem && !lifecycle.stopping;
    res.status(ok ? 200 : 503).json({
      ok,
      ...(lifecycle.stopping ? { stopping: true } : {}),
      ...(problem ? { problem } : {}),
      database: { mode: db.mode, state: problem ? "down" : "up" },
      replicas: db.replicas(),
      cache: cacheStatus,
    });
  });
  return router;
}
