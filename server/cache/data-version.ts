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

/**
 * Values kept for as long as the data version holds (one per owner: a database's Prisma client,
 * shared by its requests); a new version drops them, a failed computation is not kept.
 */
export class PerDataVersion<T> {
  private readonly entries = new WeakMap<object, { version: string; value: Promise<T> }>();

  get(owner: object, version: string, compute: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(owner);
    if (entry?.version === version) return entry.value;
    const value = compute();
    const fresh = { version, value };
    this.entries.set(owner, fresh);
    value.catch(() => this.entries.get(owner) === fresh && this.entries.delete(owner));
    return value;
  }
}
