import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "./database.ts";

/** A fresh database of its own, and the URL it can be reached at (server mode only). */
export interface ScratchDatabase extends Database {
  url: string | null;
  /** The server database's name (server mode only). */
  name: string | null;
  /** Closes it; on a server also drops it unless `keep`. */
  close(options?: { keep?: boolean }): Promise<void>;
}

export interface ScratchOptions {
  /** Server mode: copy this database (CREATE DATABASE ... TEMPLATE) instead of starting empty. */
  template?: string;
}

/**
 * A fresh, migrated database for a test file or a benchmark: with `adminUrl`, a new database on
 * that PostgreSQL server, dropped by `close`; else an embedded PGlite+PostGIS in `dataDir`
 * (in memory when unset).
 */
export async function openScratchDatabase(adminUrl?: string, dataDir?: string, options: ScratchOptions = {}): Promise<ScratchDatabase> {
  if (!adminUrl) return { ...(await openDatabase({ dataDir })), url: null, name: null };
  const name = `cakupan_scratch_${randomBytes(6).toString("hex")}`;
  const admin = (text: string) => adminQuery(adminUrl, text);
  await createDatabase(admin, name, options.template);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  return {
    ...db,
    url: url.toString(),
    name,
    async close(closing) {
      await db.close();
      if (closing?.keep) return;
      await dropScratchDatabase(adminUrl, name);
    },
  };
}

/** Drops a scratch database kept open with `close({ keep: true })` (e.g. a template). */
export const dropScratchDatabase = (adminUrl: string, name: string) => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);

/** One statement on the server's admin connection (CREATE/DROP DATABASE cannot run in a pool's transaction). */
async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE, copying a template; PostgreSQL refuses while another copy of it is being made, so retry. */
async function createDatabase(admin: (text: string) => Promise<void>, name: string, template?: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }
}
