import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../../server/db/database.ts";

/** The real boundaries shared beside the repository, when present. */
export const SHARED_VILLAGES = new URL("../../../shared/data/bangkalan/villages.geojson", import.meta.url).pathname;

/**
 * A fresh, migrated database of its own for one test file: an in-memory PGlite+PostGIS, or, when
 * TEST_DATABASE_URL is set, a new database on that server (dropped by `close`).
 */
export async function openTestDatabase(): Promise<Database> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return openDatabase({});
  const name = `cakupan_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  return {
    ...db,
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
