import type { Database } from "../db/database.ts";
import { DATA_VERSION } from "../db/data-version.ts";

/**
 * The current data version, what every cache of answers keys on: one single-row read; embedded,
 * none while an import's transaction is open (the committed version is known: see
 * Database.committedVersion).
 */
export async function dataVersionOf(db: Database): Promise<string> {
  const committed = db.committedVersion?.();
  if (committed !== undefined) return committed;
  const [row] = await db.sql.query<{ version: string }>(DATA_VERSION);
  return row?.version ?? "none";
}
