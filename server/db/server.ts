import pg from "pg";
import type { QueryOptions, Sql } from "./sql.ts";
import { RequestAborted, throwIfAborted } from "../common/heavy-work.ts";
import { VALUE_PARSERS } from "./values.ts";

/** The shared value parsers (values.ts), node-postgres's own for the rest. */
const TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    VALUE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

type Queryable = Pick<pg.Pool, "query"> | pg.PoolClient;

function wrap(db: Queryable, pool: pg.Pool | null): Sql {
  return {
    async query<T>(text: string, params?: unknown[], options?: QueryOptions) {
      if (options?.signal && pool) return cancellable<T>(pool, text, params, options.signal);
      const result = await db.query({ text, values: params, types: TYPES });
      return result.rows as T[];
    },
    async exec(text) {
      await db.query(text);
    },
    async transaction(fn) {
      if (!pool) throw new Error("nested transactions are not supported");
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const value = await fn(wrap(client, null));
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** A statement on a connection of its own, cancelled on the server (pg_cancel_backend) when `signal` aborts. */
async function cancellable<T>(pool: pg.Pool, text: string, params: unknown[] | undefined, signal: AbortSignal): Promise<T[]> {
  throwIfAborted(signal);
  const client = await pool.connect();
  let cancelled = false;
  const cancel = () => {
    cancelled = true;
    const pid = (client as unknown as { processID: number }).processID;
    pool.query("SELECT pg_cancel_backend($1)", [pid]).catch(() => undefined);
  };
  signal.addEventListener("abort", cancel, { once: true });
  try {
    throwIfAborted(signal);
    return (await client.query({ text, values: params, types: TYPES })).rows as T[];
  } catch (error) {
    if (signal.aborted) throw new RequestAborted("The client abandoned the request; its statement was cancelled.");
    throw error;
  } finally {
    signal.removeEventListener("abort", cancel);
    client.release(cancelled); // a connection a cancel was sent to is closed, never reused
  }
}

export function openServer(connectionString: string, options: pg.PoolConfig = {}): { pool: pg.Pool; sql: Sql } {
  const pool = new pg.Pool({ connectionString, max: 8, ...options });
  pool.on("error", () => undefined); // idle-client errors surface on the next query
  return { pool, sql: wrap(pool, pool) };
}
