import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { openEmbedded } from "./embedded.ts";
import { openEmbeddedThread } from "./embedded-thread.ts";
import { openServer } from "./server.ts";
import { migrate } from "./migrate.ts";
import { counted, StatementCounter, type Sql } from "./sql.ts";
import { DATA_VERSION } from "./data-version.ts";
import { ReplicaSet, safeUrl, type ReadRoute, type ReplicaStatus } from "./replicas.ts";

export interface Database {
  mode: "embedded" | "server";
  /** Its statements run on this thread (embedded with EMBEDDED_THREAD=main): each blocks the event loop while it runs. */
  blocksEventLoop: boolean;
  sql: Sql;
  /**
   * Embedded only: while this process writes in a transaction (an import), the data version
   * committed before it; undefined otherwise. See trackCommittedVersion.
   */
  committedVersion?(): string | undefined;
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
  /**
   * Embedded only: where PGlite runs: in a worker thread (default), so its statements never hold
   * the event loop, or on the main thread (the way it ran before, kept to measure beside it).
   */
  embeddedThread?: "worker" | "main";
  /** Server only: streaming replicas of `url` for reads. */
  replicaUrls?: string[];
  /** A replica further behind than this is skipped (default 10). */
  maxReplicaLagSeconds?: number;
}

/**
 * Embedded: each transaction first reads the data version, which is then the committed one for as
 * long as the transaction runs: PGlite has one connection, so nothing else commits until it ends.
 * The response cache keys on it without a read of its own, which would wait behind the whole
 * import (PGlite runs every statement after the open transaction), so repeated queries keep being
 * answered while an upload is imported. Cleared before the transaction commits.
 */
function trackCommittedVersion(sql: Sql): { sql: Sql; committedVersion(): string | undefined } {
  let committed: string | undefined;
  return {
    committedVersion: () => committed,
    sql: {
      ...sql,
      transaction: (fn) =>
        sql.transaction(async (tx) => {
          const [row] = await tx.query<{ version: string }>(DATA_VERSION);
          committed = row?.version;
          try {
            return await fn(tx);
          } finally {
            committed = undefined;
          }
        }),
    },
  };
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
    const open = options.embeddedThread === "main" ? openEmbedded : openEmbeddedThread;
    const embedded = await open(options.dataDir, options.snapshot);
    snapshot = embedded.snapshot;
    raw = embedded.sql;
    prisma = new PrismaClient({ adapter: embedded.prisma });
    closeDriver = embedded.close;
  }
  if (options.migrate !== false) await migrate(raw);
  let committedVersion: Database["committedVersion"];
  if (mode === "embedded" && (await raw.query(`SELECT to_regclass('data_version') IS NOT NULL AS ok`))[0]?.ok) {
    ({ sql: raw, committedVersion } = trackCommittedVersion(raw));
  }
  const replicas = options.replicaUrls?.length ? new ReplicaSet(raw, options.replicaUrls, options.maxReplicaLagSeconds ?? 10) : null;
  await replicas?.check();
  const db: Database = {
    mode,
    blocksEventLoop: mode === "embedded" && options.embeddedThread === "main",
    sql: counted(raw, statements),
    ...(committedVersion ? { committedVersion } : {}),
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
