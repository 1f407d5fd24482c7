import { join, dirname, resolve } from "node:path";
import { loadConfig, type Config } from "./config.ts";
import { createLogger, type Logger } from "./logger.ts";
import { openDatabase, type Database } from "./db/database.ts";
import { maskNik, resolveNikKey } from "./common/nik.ts";
import { checkNikKey, claimNikKey } from "./common/nik-key.ts";

export interface Runtime {
  config: Config;
  logger: Logger;
  db: Database;
  nikKey: string;
}

/** Config, logger, the migrated database and the NIK key: what every entry point starts with. */
export async function openRuntime(env: NodeJS.ProcessEnv = process.env): Promise<Runtime> {
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL, config.LOG_FORMAT);
  const dataDir = resolve(config.DATA_DIR);
  const nikKey = resolveNikKey(config.NIK_HASH_KEY, join(dirname(dataDir), "nik-hash.key"));
  if (!config.NIK_HASH_KEY)
    logger.warn("NIK_HASH_KEY is not set: using a random key kept beside the data directory. Set it in production and keep it secret.");
  const db = await openDatabase({
    url: config.DATABASE_URL,
    dataDir,
    embeddedThread: config.EMBEDDED_THREAD,
    replicaUrls: config.DATABASE_REPLICA_URLS,
    maxReplicaLagSeconds: config.REPLICA_MAX_LAG_SECONDS,
  });
  // In production on a server several processes share the database: the first to start records its
  // key's fingerprint, so a process with another key refuses to start instead of at its first import.
  const production = config.NODE_ENV === "production" && db.mode === "server";
  await (production ? claimNikKey(db.sql, nikKey) : checkNikKey(db.sql, nikKey)).catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  logger.info(config.DATABASE_URL ? "Database: PostgreSQL server (DATABASE_URL)." : `Database: embedded PGlite+PostGIS in ${dataDir}.`);
  return { config, logger, db, nikKey };
}

/** What a command prints for a person (stdout, or stderr for `error`), always through the NIK mask. */
export const print = (text: string, to: "out" | "error" = "out") =>
  void (to === "out" ? process.stdout : process.stderr).write(`${maskNik(text)}\n`);

/** Prints one clear sentence for known failures (config, database, port) and exits non-zero. */
export function exitWithReason(error: unknown): never {
  const e = error as Error & { code?: string };
  const known = [
    "ConfigError",
    "DatabaseUnavailableError",
    "DataDirInUseError",
    "ImportRejected",
    "MigrationError",
    "NikKeyMismatch",
    "PortInUseError",
  ];
  if (known.includes(e?.constructor?.name)) print(`\n${e.message}\n`, "error");
  else print(`\nCakupan stopped: ${e?.message ?? String(error)}\n`, "error");
  process.exit(1);
}
