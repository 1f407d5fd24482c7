import pg from "pg";
import type { Sql } from "./sql.ts";
import { VALUE_PARSERS } from "./values.ts";

/** The shared value parsers (values.ts), node-postgres's own for the rest. */
const TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    VALUE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

type Queryable = Pick<pg.Pool, "query"> | pg.PoolClient;

function wrap(db: Queryable, pool: pg.Pool | null): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
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

export function openServer(connectionString: string): { pool: pg.Pool; sql: Sql } {
  const pool = new pg.Pool({ connectionString, max: 8 });
  pool.on("error", () => undefined); // idle-client errors surface on the next query
  return { pool, sql: wrap(pool, pool) };
}
