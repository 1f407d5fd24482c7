import { openScratchDatabase, type ScratchDatabase } from "../../server/db/scratch.ts";

/** The real boundaries shared beside the repository, when present. */
export const SHARED_VILLAGES = new URL("../../../shared/data/bangkalan/villages.geojson", import.meta.url).pathname;

/**
 * A fresh, migrated database of its own for one test file: an in-memory PGlite+PostGIS, or, when
 * TEST_DATABASE_URL is set, a new database on that server (a copy of `template` when given),
 * dropped by `close`.
 */
export function openTestDatabase(template?: string): Promise<ScratchDatabase> {
  return openScratchDatabase(process.env.TEST_DATABASE_URL, undefined, { template });
}
