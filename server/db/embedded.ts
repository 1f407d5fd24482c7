import { mkdirSync } from "node:fs";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
import type { QueryOptions, Sql } from "./sql.ts";
import { VALUE_PARSERS } from "./values.ts";
import { nextTurn, throwIfAborted } from "../common/heavy-work.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlDriverAdapterFactory } from "./embedded-protocol.ts";

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
      // PGlite runs each statement synchronously on this thread and resolves with a microtask, so a
      // run of statements (an import, a plan) would starve every other request's I/O: after each
      // one the event loop gets a turn (in the worker thread: the main thread's messages, a cancel).
      await nextTurn();
      return result.rows;
    },
    async exec(text) {
      await db.exec(text);
      await nextTurn();
    },
    transaction(fn) {
      if (db !== root) throw new Error("nested transactions are not supported");
      return root.transaction((tx) => fn(wrap(tx, root)));
    },
  };
}

/** PGlite with PostGIS on this thread: `dataDir` undefined = in memory; `snapshot`: a dumped data directory to start from. */
export async function createPglite(dataDir?: string, snapshot?: Blob): Promise<{ pglite: PGlite; sql: Sql }> {
  const pglite = await PGlite.create(dataDir, { extensions: { postgis }, ...(snapshot ? { loadDataDir: snapshot } : {}) });
  return { pglite, sql: wrap(pglite, pglite) };
}

/** What both embedded modes (this thread, or a worker thread: embedded-thread.ts) give database.ts. */
export interface Embedded {
  sql: Sql;
  prisma: SqlDriverAdapterFactory;
  /** The whole data directory as a tarball. */
  snapshot(): Promise<Blob>;
  close(): Promise<void>;
}

/**
 * Takes the data directory's lock (one process per data directory: PGlite has no lock of its own;
 * see data-dir-lock.ts), then opens it with `open`; the lock is released by `close`, or at once
 * when opening fails.
 */
export async function lockedDataDir(dataDir: string | undefined, open: () => Promise<Embedded>): Promise<Embedded> {
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  try {
    const embedded = await open();
    return { ...embedded, close: () => embedded.close().finally(unlock) };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * Opens PGlite with PostGIS on the main thread (EMBEDDED_THREAD=main): every statement runs on
 * the event loop's thread. `dataDir` undefined = in memory; `snapshot`: start from a data
 * directory dumped with `dumpDataDir` (a tarball) instead of an empty one.
 */
export function openEmbedded(dataDir?: string, snapshot?: Blob): Promise<Embedded> {
  return lockedDataDir(dataDir, async () => {
    const { pglite, sql } = await createPglite(dataDir, snapshot);
    return { sql, prisma: new PrismaPGlite(pglite), snapshot: () => pglite.dumpDataDir("none"), close: () => pglite.close() };
  });
}
