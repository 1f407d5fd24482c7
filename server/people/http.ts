// People over HTTP: who each request is (identify), /auth/login, /auth/logout and /auth/me, the
// capability check of the export routes, and the audit of GraphQL changes and plans.
import express, { type NextFunction, type Request, type Response } from "express";
import { Kind } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Logger } from "pino";
import type { Database } from "../db/database.ts";
import type { Config } from "../config.ts";
import { ErrorCode, httpStatusOf } from "../common/errors.ts";
import type { Context } from "../graphql/context.ts";
import { formatError } from "../graphql/format-error.ts";
import { Accounts } from "./accounts.ts";
import { audit, recentFailures, type AuditOutcome } from "./audit.ts";
import { refusal } from "./auth-checker.ts";
import type { Capability, Viewer } from "./roles.ts";
import { resolveViewer, SESSION_COOKIE, sessionCookieOf, type PeopleConfig } from "./viewer.ts";

export type HttpPeopleConfig = PeopleConfig &
  Pick<Config, "SESSION_TTL_HOURS" | "LOGIN_MAX_FAILURES" | "LOGIN_WINDOW_MINUTES" | "TRUST_PROXY">;

/** A shared office (one address, many people) may fail this many times more than one login may. */
export const IP_FAILURE_FACTOR = 4;

const viewers = new WeakMap<Request, Viewer>();

/** The viewer `identify` found for this request. */
export function viewerOf(req: Request): Viewer {
  const viewer = viewers.get(req);
  if (!viewer) throw new Error("identify() did not run for this request");
  return viewer;
}

/** Resolves who the request is (cookie, bearer token, or anonymous) once, before the routes. */
export const identify = (db: Database, config: PeopleConfig) => async (req: Request, _res: Response, next: NextFunction) => {
  try {
    viewers.set(req, await resolveViewer(db, config, { authorization: req.headers.authorization, cookie: req.headers.cookie }));
    next();
  } catch (error) {
    next(error);
  }
};

/** Express's `trust proxy` from TRUST_PROXY: "true", a number of hops, or addresses/names. */
export function trustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === "false") return false;
  if (value === "true") return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** An export route's check: refuses (401/403, naming the role needed) a viewer without `capability`. */
export const requireCapability = (capability: Capability) => (req: Request, res: Response, next: NextFunction) => {
  const problem = refusal(viewerOf(req), capability, `${req.method} ${req.path}`);
  if (!problem) return next();
  res.status(httpStatusOf(problem.code)).json({ error: problem.message, code: problem.code });
};

const outcomeOf = (status: number): AuditOutcome => (status < 400 ? "ok" : status === 401 || status === 403 ? "refused" : "failed");

/** Records each export (the /export routes) in the audit log once its answer is sent. */
export const auditExports = (db: Database, logger: Logger) => (req: Request, res: Response, next: NextFunction) => {
  const target = req.originalUrl.split("?")[0];
  res.on("finish", () => {
    const entry = {
      action: "export" as const,
      target,
      outcome: outcomeOf(res.statusCode),
      detail: { query: req.query },
      ip: req.ip,
    };
    audit(db, viewers.get(req) ?? { name: "anonymous", role: null }, entry).catch((err: unknown) =>
      logger.error({ err }, "audit log write failed"),
    );
  });
  next();
};

function sessionCookie(req: Request, value: string, maxAgeSeconds: number): string {
  const secure = req.secure ? "; Secure" : "";
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

const publicViewer = (viewer: Viewer, config: PeopleConfig) => ({
  signedIn: viewer.kind !== "anonymous",
  kind: viewer.kind,
  login: viewer.kind === "anonymous" ? null : viewer.name,
  displayName: viewer.displayName ?? (viewer.kind === "anonymous" ? null : viewer.name),
  role: viewer.role,
  regions: viewer.regions,
  anonymousAccess: config.ANONYMOUS_ACCESS,
  ...("refused" in viewer ? { problem: viewer.refused } : {}),
});

/** POST /auth/login, POST /auth/logout, GET /auth/me. */
export function authRoutes(db: Database, config: HttpPeopleConfig): express.Router {
  const accounts = new Accounts(db);
  const router = express.Router();
  router.post("/auth/login", express.json({ limit: "10kb" }), async (req, res) => {
    const body = (req.body ?? {}) as { login?: unknown; password?: unknown };
    for (const field of ["login", "password"] as const) {
      if (typeof body[field] !== "string" || !body[field])
        return void res
          .status(400)
          .json({ error: `${field}: missing; send JSON {"login": "...", "password": "..."}.`, code: ErrorCode.BAD_USER_INPUT });
    }
    const login = (body.login as string).trim().toLowerCase().slice(0, 100);
    const anonymousActor = { name: "anonymous", role: null };
    const { byLogin, byIp } = await recentFailures(db, login, req.ip, config.LOGIN_WINDOW_MINUTES);
    if (byLogin >= config.LOGIN_MAX_FAILURES || byIp >= config.LOGIN_MAX_FAILURES * IP_FAILURE_FACTOR) {
      await audit(db, anonymousActor, { action: "sign-in", target: login, outcome: "limited", ip: req.ip });
      res.setHeader("retry-after", String(Math.ceil(config.LOGIN_WINDOW_MINUTES * 60)));
      return void res.status(429).json({
        error: `Too many failed sign-ins ${byLogin >= config.LOGIN_MAX_FAILURES ? "for this login" : "from this address"}: try again in ${config.LOGIN_WINDOW_MINUTES} minutes.`,
        code: "RATE_LIMITED",
      });
    }
    const signedIn = await accounts.signIn(login, body.password as string, config.SESSION_TTL_HOURS);
    if (!signedIn) {
      await audit(db, anonymousActor, { action: "sign-in", target: login, outcome: "failed", ip: req.ip });
      return void res.status(401).json({ error: "Wrong login or password.", code: ErrorCode.UNAUTHENTICATED });
    }
    await audit(db, signedIn.viewer, { action: "sign-in", target: login, outcome: "ok", ip: req.ip });
    res.setHeader("set-cookie", sessionCookie(req, signedIn.token, Math.round(config.SESSION_TTL_HOURS * 3600)));
    res.json({ ...publicViewer(signedIn.viewer, config), expiresAt: signedIn.expiresAt.toISOString() });
  });
  router.post("/auth/logout", async (req, res) => {
    const token = sessionCookieOf(req.headers.cookie);
    if (token) {
      await audit(db, viewerOf(req), { action: "sign-out", target: viewerOf(req).name, outcome: "ok", ip: req.ip });
      await accounts.signOut(token);
    }
    res.setHeader("set-cookie", sessionCookie(req, "", 0));
    res.json({ signedOut: Boolean(token) });
  });
  router.get("/auth/me", (req, res) => void res.json(publicViewer(viewerOf(req), config)));
  return router;
}

/** Root fields of queries that plan (computed on demand, audited as "plan"). */
export const PLAN_FIELDS = new Set(["outreachPlan", "budgetView"]);

/** Records every mutation (an import as "import") and every plan in the audit log, with its outcome. */
export function auditPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue, request, response }) {
          if (!operation) return;
          const mutation = operation.operation === "mutation";
          const fields = operation.selectionSet.selections
            .filter((s) => s.kind === Kind.FIELD)
            .map((s) => ({ key: s.alias?.value ?? s.name.value, name: s.name.value }))
            .filter((f) => mutation || PLAN_FIELDS.has(f.name));
          if (!fields.length) return;
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          for (const field of fields) {
            const error = errors.find((e) => e.path?.[0] === field.key);
            const code = error ? formatError(error, error).extensions?.code : null;
            const outcome: AuditOutcome = !error ? "ok" : code === "FORBIDDEN" || code === "UNAUTHENTICATED" ? "refused" : "failed";
            const action = !mutation ? "plan" : field.name === "importFile" ? "import" : "mutation";
            const entry = {
              action,
              target: field.name,
              outcome,
              detail: { variables: request.variables ?? {} },
              ip: contextValue.ip,
            } as const;
            await audit(contextValue.db, contextValue.viewer, entry).catch((err: unknown) =>
              logger.error({ err }, "audit log write failed"),
            );
          }
        },
      };
    },
  };
}
