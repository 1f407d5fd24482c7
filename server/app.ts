import express from "express";
import compression from "compression";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import type { Logger } from "pino";
import type { Database } from "./db/database.ts";
import type { Config } from "./config.ts";
import { getSchema } from "./graphql/schema.ts";
import { createContext, type Context } from "./graphql/context.ts";
import { formatError } from "./graphql/format-error.ts";
import { HeavyWork, RequestAborted } from "./common/heavy-work.ts";
import { costLimitPlugin, MAX_QUERY_TOKENS, responseSizeLimit, shapeLimitsMiddleware } from "./graphql/limits.ts";
import { responseCache } from "./graphql/response-cache.ts";
import { compiledExecutor } from "./graphql/executor.ts";
import { coverageCsvHandler } from "./export/coverage-csv.ts";
import { fieldSheetHandler, planCsvHandler, unsavedFieldSheetHandler } from "./export/plan-export.ts";
import { graphiqlPage, GRAPHIQL_ASSETS, GRAPHIQL_INIT } from "./graphql/graphiql.ts";
import { securityHeaders } from "./http-headers.ts";
import { TILE_PATH, tileHandler } from "./tiles/tile-routes.ts";
import { healthRoutes, type Lifecycle } from "./health.ts";
import { openSharedCache } from "./cache/shared-cache.ts";
import { readRoutingPlugin } from "./graphql/read-routing.ts";
import { auditExports, auditPlugin, authRoutes, identify, requireCapability, trustProxy, viewerOf } from "./people/http.ts";
import { Capability } from "./people/roles.ts";
import { pruneAudit } from "./people/audit.ts";
import { Accounts } from "./people/accounts.ts";

export const CLIENT_DIST = fileURLToPath(new URL("../client/dist", import.meta.url));

export type AppConfig = Pick<
  Config,
  | "ADMIN_TOKEN"
  | "MIN_CELL_SIZE"
  | "ANONYMOUS_ACCESS"
  | "ANALYSTS_SEE_UNSUPPRESSED"
  | "SESSION_TTL_HOURS"
  | "LOGIN_MAX_FAILURES"
  | "LOGIN_WINDOW_MINUTES"
  | "AUDIT_RETENTION_DAYS"
  | "TRUST_PROXY"
  | "BASEMAP_URL"
  | "MAX_QUERY_DEPTH"
  | "MAX_QUERY_COMPLEXITY"
  | "MAX_ROOT_FIELDS"
  | "MAX_ALIASES"
  | "MAX_RESPONSE_BYTES"
  | "PLANNER_CONCURRENCY"
  | "PLANNER_QUEUE"
  | "REDIS_URL"
  | "REDIS_KEY_PREFIX"
> & { nikKey?: string };

/** PGlite on this thread: the pause before each statement of heavy work, for other requests to go on (see HeavyWork). */
const EMBEDDED_PAUSE_MS = 50;

/**
 * The HTTP app: GraphQL at /graphql (GraphiQL for browsers), CSV export, and the built client at /.
 * `close` stops Apollo and the cache's connection (not the database, nor the HTTP server).
 */
export async function createApp(db: Database, config: AppConfig, logger: Logger) {
  const schema = await getSchema();
  const sharedCache = await openSharedCache(config.REDIS_URL, config.REDIS_KEY_PREFIX, logger);
  const lifecycle: Lifecycle = { stopping: false };
  const limits = {
    maxDepth: config.MAX_QUERY_DEPTH,
    maxComplexity: config.MAX_QUERY_COMPLEXITY,
    maxRootFields: config.MAX_ROOT_FIELDS,
    maxAliases: config.MAX_ALIASES,
  };
  const responseSize = responseSizeLimit(config.MAX_RESPONSE_BYTES);
  const apollo = new ApolloServer<Context>({
    gateway: compiledExecutor(schema), // graphql-jit (see executor.ts)
    formatError,
    includeStacktraceInErrorResponses: false, // whatever NODE_ENV says: a stack names the server's files
    introspection: true,
    stopOnTerminationSignals: false, // main.ts stops gracefully: requests in flight first, then Apollo
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    stringifyResult: responseSize.stringifyResult,
    plugins: [
      readRoutingPlugin,
      auditPlugin(logger),
      ...responseCache(sharedCache.cache),
      costLimitPlugin(schema, limits),
      responseSize.plugin,
      {
        async requestDidStart() {
          return {
            // The code is the one the client gets (formatError): its own mistakes (BAD_USER_INPUT,
            // UNAUTHENTICATED, FORBIDDEN, NOT_FOUND...) at info, only internal errors at error.
            async didEncounterErrors({ errors, contextValue }) {
              for (const e of errors) {
                if (e.originalError instanceof RequestAborted) continue;
                const code = formatError(e.toJSON(), e).extensions?.code;
                const entry = { ip: contextValue?.ip, code, path: e.path };
                if (code === "INTERNAL_SERVER_ERROR") logger.error({ ...entry, err: { message: e.message } }, "GraphQL error");
                else logger.info({ ...entry, reason: e.message }, "GraphQL request refused");
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  const embedded = db.mode === "embedded";
  const heavy = new HeavyWork(
    config.PLANNER_CONCURRENCY ?? (embedded ? 1 : 2),
    config.PLANNER_QUEUE,
    db.blocksEventLoop ? EMBEDDED_PAUSE_MS : 0,
  );
  const context = (req: express.Request, res?: express.Response) => {
    const abandoned = new AbortController();
    res?.on("close", () => res.writableFinished || abandoned.abort());
    const route = { readOnly: false }; // a query's statements may go to a replica (readRoutingPlugin)
    const scope = { heavy, signal: abandoned.signal };
    return { ...createContext(db.forRequest(route), config, viewerOf(req), scope), ip: req.ip, route };
  };
  // The audit log's retention and expired sessions: pruned at start and daily.
  const prune = () =>
    Promise.all([pruneAudit(db, config.AUDIT_RETENTION_DAYS), new Accounts(db).pruneSessions()]).catch((err: unknown) =>
      logger.error({ err }, "pruning the audit log failed"),
    );
  await prune();
  const pruning = setInterval(() => void prune(), 86_400_000).unref();
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy(config.TRUST_PROXY));
  app.use(securityHeaders(config.BASEMAP_URL), compression());
  app.use(healthRoutes(db, sharedCache, lifecycle));
  const who = identify(db, config);
  app.use(["/graphql", "/export", "/auth"], who);
  app.use(authRoutes(db, config));
  app.use("/export", auditExports(db, logger));
  app.use("/graphiql-assets", express.static(GRAPHIQL_ASSETS, { immutable: true, maxAge: "7d" }));
  app.get("/graphiql-init.js", (_req, res) => void res.type("js").send(GRAPHIQL_INIT));
  app.get("/graphql", (req, res, next) =>
    req.accepts(["application/json", "text/html"]) === "text/html" && !req.query.query ? res.type("html").send(graphiqlPage()) : next(),
  );
  app.use(
    "/graphql",
    express.json({ limit: "20mb" }),
    shapeLimitsMiddleware(limits),
    expressMiddleware(apollo, { context: async ({ req, res }) => context(req, res) }),
  );
  app.get("/export/coverage.csv", coverageCsvHandler(apollo, context));
  app.get(TILE_PATH, tileHandler(db.sql));
  app.use(["/export/plans", "/export/field-sheet"], requireCapability(Capability.PLAN));
  app.get(
    "/export/plans/:id.csv",
    planCsvHandler((req) => context(req).services),
  );
  app.get(
    "/export/plans/:id/field-sheet",
    fieldSheetHandler((req) => context(req).services),
  );
  app.get(
    "/export/field-sheet",
    unsavedFieldSheetHandler((req) => context(req).services),
  );
  // Looked up per request: the client may be built after the server started (tests, `npm run build`).
  // Vite names every file under assets/ by its content hash: a changed file gets a new name.
  app.use("/assets", express.static(`${CLIENT_DIST}/assets`, { immutable: true, maxAge: "1y" }));
  app.use(express.static(CLIENT_DIST, { index: "index.html", setHeaders: (res) => res.setHeader("cache-control", "no-cache") }));
  app.get(/^\/(?!graphql|export|tiles).*/, (_req, res) => {
    if (existsSync(`${CLIENT_DIST}/index.html`)) return res.sendFile("index.html", { root: CLIENT_DIST });
    res
      .status(503)
      .type("text")
      .send("The map client is not built yet: run `npm run build` (npm start does it for you). The GraphQL API is at /graphql.");
  });
  // Last: any error no route answered (malformed JSON, a body too large, a bug) as a JSON body,
  // never an HTML page or a stack trace, whatever NODE_ENV; the client's IP in the log.
  app.use((error: Error & { status?: number; type?: string }, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const where = { ip: req.ip, method: req.method, path: req.path };
    if (status === 500) logger.error({ err: error, ...where }, "HTTP request failed");
    else logger.info({ ...where, status, reason: error.message }, "HTTP request refused");
    if (res.headersSent) return res.end();
    const message =
      error.type === "entity.parse.failed"
        ? `The request body is not valid JSON: ${error.message}`
        : status === 500
          ? "Internal server error."
          : error.message;
    res.status(status).json({ error: message, code: status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_USER_INPUT" });
  });
  const close = async () => {
    clearInterval(pruning);
    await apollo.stop();
    await sharedCache.close();
  };
  return { app, apollo, lifecycle, close };
}
