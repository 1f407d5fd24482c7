import type { Database } from "../db/database.ts";
import { DATA_VERSION } from "../db/data-version.ts";
import { keepUnlessFails } from "../common/collections.ts";

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

/**
 * Values kept for as long as the data version holds (one per owner: a database's Prisma client,
 * shared by its requests); a new version drops them, a failed computation is not kept.
 */
export class PerDataVersion<T> {
  /** Per owner, the value of one version (the latest asked for). */
  private readonly entries = new WeakMap<object, Map<string, Promise<T>>>();

  get(owner: object, version: string, compute: () => Promise<T>): Promise<T> {
    let byVersion = this.entries.get(owner);
    if (!byVersion?.has(version)) this.entries.set(owner, (byVersion = new Map()));
    return keepUnlessFails(byVersion, version, compute);
  }
}
