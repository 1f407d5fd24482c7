import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { openEmbedded } from "./embedded.ts";
import { openServer } from "./server.ts";
import { migrate } from "./migrate.ts";
import { counted, StatementCounter, type Sql } from "./sql.ts";
import { ReplicaSet, safeUrl, type ReadRoute, type ReplicaStatus } from "./replicas.ts";

export interface Database {
  mode: "embedded" | "server";
  sql: Sql;
  prisma: PrismaClient;
  /** Statements sent through `sql` since the last reset. */
  statements: StatementCounter;
  /** Embedded only: the whole data directory as a tarball (a backup, or a test fixture to reopen). */
  snapshot?(): Promise<Blob>;
  /**
   * The database one request uses: its `sql` reads from a streaming replica once `route.readOnly`
   * is set and a replica is as current as the primary (see ReplicaSet); without replicas, this one.
   */
  forRequest(route: ReadRoute): Database;
  /** The replicas' state (empty without DATABASE_REPLICA_URLS). */
  replicas(): ReplicaStatus[];
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgresql:// URL; unset = embedded. */
  url?: string;
  /** Embedded data directory; unset = in memory. */
  dataDir?: string;
  migrate?: boolean;
  /** Embedded only: start from this dump of a data directory (see Database.snapshot). */
  snapshot?: Blob;
  /** Server only: streaming replicas of `url` for reads. */
  replicaUrls?: string[];
  /** A replica further behind than this is skipped (default 10). */
  maxReplicaLagSeconds?: number;
}

/** A clear, one-sentence reason the database cannot be used, with what to do. */
export class DatabaseUnavailableError extends Error {}

async function checkServer(sql: Sql, url: string): Promise<void> {
  try {
    await sql.query("SELECT 1");
  } catch (error) {
    const code = (error as { code?: string }).code;
    const hint =
      code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? "is the PostgreSQL server running and the host and port right?"
        : code === "3D000"
          ? "the database does not exist: create it (createdb) or fix the name."
          : code === "28P01" || code === "28000"
            ? "the user or password was refused."
            : `the server said: ${(error as Error).message}.`;
    throw new DatabaseUnavailableError(`Cannot connect to DATABASE_URL ${safeUrl(url)}: ${hint}`);
  }
  const postgis = await sql.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'`);
  if (postgis.length === 0) {
    throw new DatabaseUnavailableError(
      `PostGIS is not installed on the server at ${safeUrl(url)}: install it (Debian: apt-get install postgresql-15-postgis-3) or unset DATABASE_URL to use the embedded database.`,
    );
  }
}

/** Opens the embedded (PGlite+PostGIS) or server (PostgreSQL+PostGIS) database and migrates it. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const statements = new StatementCounter();
  let raw: Sql;
  let prisma: PrismaClient;
  let closeDriver: () => Promise<void>;
  let mode: Database["mode"];
  let snapshot: Database["snapshot"];
  if (options.url) {
    mode = "server";
    const { pool, sql } = openServer(options.url);
    try {
      await checkServer(sql, options.url);
    } catch (error) {
      await pool.end();
      throw error;
    }
    raw = sql;
    prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    closeDriver = () => pool.end();
  } else {
    mode = "embedded";
    const { pglite, sql, close } = await openEmbedded(options.dataDir, options.snapshot);
    snapshot = () => pglite.dumpDataDir("none");
    raw = sql;
    prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    closeDriver = close;
  }
  if (options.migrate !== false) await migrate(raw);
  const replicas = options.replicaUrls?.length ? new ReplicaSet(raw, options.replicaUrls, options.maxReplicaLagSeconds ?? 10) : null;
  await replicas?.check();
  const db: Database = {
    mode,
    sql: counted(raw, statements),
    prisma,
    statements,
    ...(snapshot ? { snapshot } : {}),
    forRequest: (route) => (replicas ? { ...db, sql: counted(replicas.forRequest(route), statements) } : db),
    replicas: () => replicas?.status() ?? [],
    async close() {
      await replicas?.close();
      await prisma.$disconnect();
      await closeDriver();
    },
  };
  return db;
}
