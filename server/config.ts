import { z } from "zod";

/** Every environment variable Cakupan reads, with its default and meaning. README lists the same. */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// URL, e.g. postgresql://user@localhost:5432/cakupan")
    .optional()
    .describe("PostgreSQL+PostGIS server to use; unset = embedded PGlite+PostGIS in DATA_DIR"),
  DATA_DIR: z.string().min(1).default(".cakupan/pgdata").describe("embedded database directory"),
  EMBEDDED_THREAD: z
    .enum(["worker", "main"])
    .default("worker")
    .describe("embedded: PGlite in a worker thread (its statements never hold the event loop) or on the main thread"),
  PORT: z.coerce.number().int("must be a whole number").min(1, "must be 1-65535").max(65535, "must be 1-65535").default(4000),
  HOST: z.string().min(1).default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["auto", "json"]).default("auto").describe("auto = readable lines in a terminal, JSON otherwise"),
  NIK_HASH_KEY: z
    .string()
    .min(32, "must be at least 32 characters (a random secret; e.g. `openssl rand -hex 32`)")
    .optional()
    .describe("secret key for hashing NIKs; unset = a random key kept in .cakupan/nik-hash.key"),
  ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").optional().describe("bootstrap admin: Authorization: Bearer <token>"),
  ANONYMOUS_ACCESS: z
    .enum(["none", "viewer"], { message: "must be none or viewer" })
    .default("viewer")
    .describe("what a request without a session or token may do: none, or what a viewer may"),
  ANALYSTS_SEE_UNSUPPRESSED: z
    .enum(["true", "false"], { message: "must be true or false" })
    .default("false")
    .transform((v) => v === "true")
    .describe("analysts see counts below MIN_CELL_SIZE unsuppressed"),
  SESSION_TTL_HOURS: z.coerce.number().min(0.01, "must be more than 0").default(12).describe("how long a sign-in lasts"),
  API_TOKEN_TTL_DAYS: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").default(90),
  LOGIN_MAX_FAILURES: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().min(1, "must be at least 1").default(15),
  AUDIT_RETENTION_DAYS: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").default(365),
  TRUST_PROXY: z
    .string()
    .optional()
    .describe("Express trust proxy setting (e.g. 1, or loopback) when behind a reverse proxy: client IP and HTTPS from X-Forwarded-*"),
  DEMO_REGENCY: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, "must be a regency code like 35.26")
    .default("35.26"),
  DEMO_SEED: z.coerce.number().int("must be a whole number").default(1),
  BOUNDARIES: z.string().min(1).optional().describe("path or URL of village boundaries for the demo"),
  BOUNDARIES_URL_TEMPLATE: z
    .string()
    .default("https://raw.githubusercontent.com/cahyadsn/wilayah_boundaries/main/db/kel/{province}/wilayah_boundaries_kel_{regency}.sql"),
  BASEMAP_URL: z.string().url("must be a URL of a MapLibre style").optional(),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).default(8),
  MAX_QUERY_COMPLEXITY: z.coerce.number().int().min(10).default(20000),
  MAX_ROOT_FIELDS: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").default(20),
  MAX_ALIASES: z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").default(30),
  MAX_RESPONSE_BYTES: z.coerce
    .number()
    .int("must be a whole number")
    .min(10_000, "must be at least 10000")
    .default(10_000_000)
    .describe("largest GraphQL answer in bytes"),
  PLANNER_CONCURRENCY: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .optional()
    .describe("plans and budget views run at once; unset = 1 embedded, 2 on a server"),
  PLANNER_QUEUE: z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").default(20),
  NODE_ENV: z.string().optional().describe("production: NIK_HASH_KEY is required on a server database"),
  DATABASE_REPLICA_URLS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((u) => u.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\/.+/, "must be postgresql:// URLs separated by commas")))
    .describe("streaming replicas of DATABASE_URL for reads, comma-separated; unset = every read on the primary"),
  REPLICA_MAX_LAG_SECONDS: z.coerce
    .number()
    .min(0, "must be 0 or more")
    .default(10)
    .describe("a replica whose replay is further behind than this is skipped"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, "must be a redis:// URL, e.g. redis://127.0.0.1:6379")
    .optional()
    .describe("Redis shared by every process for the response cache; unset = in memory, per process"),
  REDIS_KEY_PREFIX: z.string().min(1).default("cakupan").describe("prefix of every Redis key (one per deployment sharing a Redis)"),
  MIN_CELL_SIZE: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1 (1 turns suppression off)")
    .default(5)
    .describe("counts of enrolled workers from 1 to MIN_CELL_SIZE - 1 are suppressed (see Disclosure control); 1 = off"),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce
    .number()
    .min(0, "must be 0 or more")
    .default(25)
    .describe("on SIGTERM, how long requests in flight may take before their connections are closed"),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Reads and validates the environment once; throws one ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join("; ")}.`);
  }
  const config = parsed.data;
  if (config.DATABASE_REPLICA_URLS.length > 0 && !config.DATABASE_URL)
    throw new ConfigError("Invalid configuration: DATABASE_REPLICA_URLS: needs DATABASE_URL (replicas of a PostgreSQL server).");
  if (config.NODE_ENV === "production" && config.DATABASE_URL && !config.NIK_HASH_KEY)
    throw new ConfigError(
      "Invalid configuration: NIK_HASH_KEY: required in production on a server database (every process must hash NIKs with the same key; e.g. `openssl rand -hex 32`).",
    );
  return config;
}
