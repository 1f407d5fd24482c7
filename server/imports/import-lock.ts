import type { Sql } from "../db/sql.ts";

/** The advisory lock (two int4 keys: "cakupan", "import") that every import's transaction holds. */
const IMPORT_LOCK = [0x63616b75, 0x696d7074] as const;

/**
 * Serialises imports (CLI, API, demo) on one database: the first statement of an import's
 * transaction. A second import waits here until the first commits or rolls back, then sees its
 * data, so two never rebuild the coverage summary or record the same file at once. PostgreSQL
 * releases the lock at the end of the transaction, also when the process dies.
 */
export async function lockImports(tx: Sql): Promise<void> {
  await tx.query(`SELECT 1 AS locked FROM pg_advisory_xact_lock($1, $2)`, [...IMPORT_LOCK]);
}
