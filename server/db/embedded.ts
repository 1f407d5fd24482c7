import { mkdirSync } from "node:fs";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
import type { QueryOptions, Sql } from "./sql.ts";
import { VALUE_PARSERS } from "./values.ts";
import { throwIfAborted } from "../common/heavy-work.ts";
import { lockDataDir } from "./data-dir-lock.ts";

/**
 * PGlite runs each statement synchronously on this thread and resolves with a microtask, so a run
 * of statements (an import, a plan) would starve every other request's I/O: after each one the
 * event loop gets a turn, and a request waits at most one statement.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A SELECT always describes its columns, even with no row. PGlite's PostGIS can end a statement
 * with neither columns nor an error (a GEOS exception lost in WebAssembly: an ST_Intersection of
 * nearly coincident edges did); that is refused here rather than read as "no rows".
 */
const READS_ROWS = /^\s*(?:SELECT\b|WITH\b(?![\s\S]*\b(?:INSERT|UPDATE|DELETE)\b))/i;

function checkDescribed(text: string, fields: readonly unknown[]): void {
  if (fields.length === 0 && READS_ROWS.test(text))
    throw new Error(
      `the embedded database ended a query without a result (a PostGIS failure it did not report): ${text.trim().slice(0, 120)}`,
    );
}

type PgliteLike = Pick<PGlite, "query" | "exec"> | Transaction;

function wrap(db: PgliteLike, root: PGlite): Sql {
  return {
    async query<T>(text: string, params?: unknown[], options?: QueryOptions) {
      throwIfAborted(options?.signal);
      const result = await db.query<T>(text, params as unknown[], { parsers: VALUE_PARSERS });
      checkDescribed(text, result.fields);
      await yieldToEventLoop();
      return result.rows;
    },
    async exec(text) {
      await db.exec(text);
      await yieldToEventLoop();
    },
    transaction(fn) {
      if (db !== root) throw new Error("nested transactions are not supported");
      return root.transaction((tx) => fn(wrap(tx, root)));
    },
  };
}

/**
 * Opens PGlite with PostGIS; `dataDir` undefined = in memory (tests). `snapshot`: start from a
 * data directory dumped with `dumpDataDir` (a tarball) instead of an empty one. A data directory
 * is locked to this process until `close` (see data-dir-lock.ts).
 */
export async function openEmbedded(dataDir?: string, snapshot?: Blob): Promise<{ pglite: PGlite; sql: Sql; close(): Promise<void> }> {
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir); // one process per data directory: PGlite has no lock of its own
  }
  try {
    const pglite = await PGlite.create(dataDir, { extensions: { postgis }, ...(snapshot ? { loadDataDir: snapshot } : {}) });
    return { pglite, sql: wrap(pglite, pglite), close: () => pglite.close().finally(unlock) };
  } catch (error) {
    unlock();
    throw error;
  }
}
