import { mkdirSync } from "node:fs";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { postgis } from "@electric-sql/pglite-postgis";
import type { Sql } from "./sql.ts";
import { VALUE_PARSERS } from "./values.ts";

type PgliteLike = Pick<PGlite, "query" | "exec"> | Transaction;

function wrap(db: PgliteLike, root: PGlite): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      const result = await db.query<T>(text, params as unknown[], { parsers: VALUE_PARSERS });
      return result.rows;
    },
    async exec(text) {
      await db.exec(text);
    },
    transaction(fn) {
      if (db !== root) throw new Error("nested transactions are not supported");
      return root.transaction((tx) => fn(wrap(tx, root)));
    },
  };
}

/**
 * Opens PGlite with PostGIS; `dataDir` undefined = in memory (tests). `snapshot`: start from a
 * data directory dumped with `dumpDataDir` (a tarball) instead of an empty one.
 */
export async function openEmbedded(dataDir?: string, snapshot?: Blob): Promise<{ pglite: PGlite; sql: Sql }> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { extensions: { postgis }, ...(snapshot ? { loadDataDir: snapshot } : {}) });
  return { pglite, sql: wrap(pglite, pglite) };
}
