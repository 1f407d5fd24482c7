import type pg from "pg";
import { openServer } from "./server.ts";
import type { Sql } from "./sql.ts";
import { DATA_VERSION } from "./data-version.ts";

/** Which statements of one request may go to a replica: only once it is known to be read-only (a GraphQL query). */
export interface ReadRoute {
  readOnly: boolean;
}

export interface ReplicaStatus {
  /** The replica's URL, password hidden. */
  url: string;
  state: "up" | "down" | "lagging";
  /** Seconds its replay is behind what it has received (0 when it has replayed all of it). */
  lagSeconds: number | null;
  problem?: string;
}

/** Replay lag, 0 when everything received is replayed (an idle primary is not lag). */
const LAG = `SELECT pg_is_in_recovery() AS recovery,
  CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
       ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END::float8 AS lag`;

/** Errors after which a read runs again on the primary: the replica or its connection failed, not the statement. */
function isReplicaFailure(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  if (e.code && (e.code.startsWith("08") || ["57P01", "57P02", "57P03", "40001"].includes(e.code))) return true;
  if (e.code && ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"].includes(e.code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|connection error/i.test(e.message ?? "");
}

export const safeUrl = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");

class Replica {
  status: ReplicaStatus;
  constructor(
    readonly pool: pg.Pool,
    readonly sql: Sql,
    url: string,
  ) {
    this.status = { url: safeUrl(url), state: "down", lagSeconds: null, problem: "not checked yet" };
  }
  markDown(error: unknown) {
    this.status = { ...this.status, state: "down", lagSeconds: null, problem: (error as Error).message || String(error) };
  }
}

/**
 * The streaming replicas of the primary, checked every second: up, down, or lagging past
 * `maxLagSeconds` (skipped). A read-only request reads from the next usable replica only when
 * that replica's data version equals the primary's at that moment, so it never sees less than a
 * request on the primary would (an import through any process is visible at once); else from the
 * primary. A replica failing mid-request is marked down and the statement runs again on the primary.
 */
export class ReplicaSet {
  readonly #replicas: Replica[];
  #next = 0;
  #checking: Promise<void> | null = null;
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly primary: Sql,
    urls: string[],
    private readonly maxLagSeconds: number,
    checkEveryMs = 1000,
  ) {
    this.#replicas = urls.map((url) => {
      const { pool, sql } = openServer(url, { connectionTimeoutMillis: 2000 });
      return new Replica(pool, sql, url);
    });
    this.#timer = setInterval(() => void this.check(), checkEveryMs).unref();
  }

  /** Checks every replica now (a check already running is joined). */
  check(): Promise<void> {
    return (this.#checking ??= Promise.all(this.#replicas.map((r) => this.#checkOne(r))).then(() => void (this.#checking = null)));
  }

  async #checkOne(replica: Replica): Promise<void> {
    try {
      const [row] = await replica.sql.query<{ recovery: boolean; lag: number }>(LAG);
      if (!row?.recovery)
        return replica.markDown(new Error("not a replica (not in recovery): reads there would miss the primary's writes"));
      const lagging = row.lag > this.maxLagSeconds;
      replica.status = {
        url: replica.status.url,
        state: lagging ? "lagging" : "up",
        lagSeconds: row.lag,
        ...(lagging ? { problem: `replay ${row.lag.toFixed(1)} s behind (limit REPLICA_MAX_LAG_SECONDS=${this.maxLagSeconds})` } : {}),
      };
    } catch (error) {
      replica.markDown(error);
    }
  }

  status(): ReplicaStatus[] {
    return this.#replicas.map((r) => ({ ...r.status }));
  }

  /** The Sql one request uses: the primary, or (read-only, see ReadRoute) a replica as current as the primary. */
  forRequest(route: ReadRoute): Sql {
    let target: Promise<Replica | null> | undefined;
    const run = async <T>(statement: (sql: Sql) => Promise<T>): Promise<T> => {
      const replica = await (target ??= this.#pick(route));
      if (!replica) return statement(this.primary);
      try {
        return await statement(replica.sql);
      } catch (error) {
        if (!isReplicaFailure(error)) throw error;
        replica.markDown(error);
        target = Promise.resolve(null);
        return statement(this.primary);
      }
    };
    return {
      query: (text, params, options) => run((sql) => sql.query(text, params, options)),
      exec: (text) => this.primary.exec(text),
      transaction: (fn) => this.primary.transaction(fn),
    };
  }

  async #pick(route: ReadRoute): Promise<Replica | null> {
    if (!route.readOnly) return null;
    const usable = this.#replicas.filter((r) => r.status.state === "up");
    if (usable.length === 0) return null;
    const replica = usable[this.#next++ % usable.length]!;
    const [primary, own] = await Promise.all([
      this.primary.query<{ version: string }>(DATA_VERSION),
      replica.sql.query<{ version: string }>(DATA_VERSION).catch((error: unknown) => (replica.markDown(error), null)),
    ]);
    return own && own[0]?.version === primary[0]?.version ? replica : null;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await Promise.all(this.#replicas.map((r) => r.pool.end()));
  }
}
