// Sign-in over HTTP (issue 15): the session cookie and its flags, sign-out, the rate limit on
// failed sign-ins, personal API tokens (expiry, revocation), anonymous access switched off, and
// the audit log of it all (who, what, from where; never a NIK).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { Accounts } from "../server/people/accounts.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { ADMIN } from "./support/graphql.ts";
import { postGraphql, startApp, type RunningApp } from "./support/http.ts";

const PASSWORD = "correct horse battery";

describe("people over HTTP", () => {
  let db: Database;
  let app: RunningApp;
  let accounts: Accounts;
  beforeAll(async () => {
    db = await openSeededDatabase();
    // An entry older than the retention: the app prunes it when it starts.
    await db.sql.query(`INSERT INTO audit_log (at, actor, action, outcome) VALUES (now() - interval '40 days', 'old', 'sign-in', 'ok')`);
    app = await startApp(db, { LOGIN_MAX_FAILURES: "3", LOGIN_WINDOW_MINUTES: "10", AUDIT_RETENTION_DAYS: "30", TRUST_PROXY: "loopback" });
    accounts = new Accounts(db);
    await accounts.add({ login: "Pak.Planner", role: "planner", regions: ["35.26.05"], password: PASSWORD, displayName: "Pak Planner" });
    await accounts.add({ login: "ana", role: "analyst", password: PASSWORD });
    await accounts.add({ login: "limited", role: "viewer", password: PASSWORD });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const login = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const me = async (cookie?: string) => (await fetch(`${app.url}/auth/me`, { headers: cookie ? { cookie } : {} })).json();
  const graphql = (query: string, variables: Record<string, unknown>, cookie: string) =>
    fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.json() as Promise<{ data?: any; errors?: any[] }>);
  const CREATE = `mutation($input: SessionInput!) { createSession(input: $input) { id villageCode } }`;
  const session = (villageCode: string) => ({
    input: { title: "Sosialisasi", startsOn: "2026-02-01", villageCode, targetSectors: ["FARMER"] },
  });

  it("pruned the audit log past AUDIT_RETENTION_DAYS when it started", async () => {
    expect(await db.sql.query(`SELECT 1 FROM audit_log WHERE actor = 'old'`)).toEqual([]);
  });

  it("signs a planner in with an httpOnly SameSite=Lax cookie, Secure only over HTTPS, and acts inside its region only", async () => {
    const wrong = await login({ login: "pak.planner", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: "Wrong login or password.", code: "UNAUTHENTICATED" });
    expect(wrong.headers.get("set-cookie")).toBeNull();

    const ok = await login({ login: " PAK.planner ", password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      signedIn: true,
      login: "pak.planner",
      displayName: "Pak Planner",
      role: "planner",
      regions: ["35.26.05"],
    });
    const setCookie = ok.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^cakupan_session=cks_[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const cookie = setCookie.split(";")[0]!;
    // The token is stored only as its hash.
    const stored = await db.sql.query<{ token_hash: string }>(`SELECT token_hash FROM user_session`);
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.split("=")[1]);
    expect(stored).toHaveLength(1);

    // Behind a proxy that says HTTPS (TRUST_PROXY), the cookie is Secure.
    const secure = await login({ login: "pak.planner", password: PASSWORD }, { "x-forwarded-proto": "https" });
    expect(secure.headers.get("set-cookie")).toMatch(/; Secure$/);

    expect(await me(cookie)).toMatchObject({ signedIn: true, role: "planner", kind: "session" });
    const inside = await graphql(CREATE, session("35.26.05.2013"), cookie);
    expect(inside.errors).toBeUndefined();
    expect(inside.data.createSession.villageCode).toBe("35.26.05.2013");
    const outside = await graphql(CREATE, session("35.26.01.1001"), cookie);
    expect(outside.errors![0]).toMatchObject({
      message: "input.villageCode: region 35.26.01.1001 is outside your regions (35.26.05).",
      extensions: { code: "FORBIDDEN" },
    });

    const out = await fetch(`${app.url}/auth/logout`, { method: "POST", headers: { cookie } });
    expect(await out.json()).toEqual({ signedOut: true });
    expect(out.headers.get("set-cookie")).toMatch(/^cakupan_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
    expect(await me(cookie)).toMatchObject({ signedIn: false, role: null, problem: "Your sign-in has expired: sign in again." });
    const after = await graphql(CREATE, session("35.26.05.2013"), cookie);
    expect(after.errors![0].extensions.code).toBe("FORBIDDEN");
    expect(after.errors![0].message).toMatch(/^Your sign-in has expired/);
  });

  it("ends a session at its expiry", async () => {
    const ok = await login({ login: "ana", password: PASSWORD });
    const cookie = ok.headers.get("set-cookie")!.split(";")[0]!;
    expect(await me(cookie)).toMatchObject({ signedIn: true, role: "analyst" });
    await db.sql.query(
      `UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM app_user WHERE login = 'ana')`,
    );
    expect(await me(cookie)).toMatchObject({ signedIn: false });
  });

  it("refuses sign-ins after LOGIN_MAX_FAILURES failures for a login (429, even with the right password), and per address", async () => {
    for (let i = 0; i < 3; i++) expect((await login({ login: "limited", password: `wrong ${i}` })).status).toBe(401);
    const limited = await login({ login: "limited", password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("600");
    expect(((await limited.json()) as { error: string }).error).toMatch(/Too many failed sign-ins for this login: try again in 10 minutes/);
    // Another login from the same address still may (3 x 4 failures per address).
    expect((await login({ login: "ana", password: PASSWORD })).status).toBe(200);
    // Unknown logins count for the address too: 3 x 4 failures in all (one, the planner's, above).
    const failed = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'sign-in' AND outcome IN ('failed', 'limited')`,
    );
    for (let i = failed[0]!.n; i < 12; i++) await login({ login: `nobody${i}`, password: "whatever it is" });
    const byAddress = await login({ login: "ana", password: PASSWORD });
    expect(byAddress.status).toBe(429);
    expect(((await byAddress.json()) as { error: string }).error).toMatch(/from this address/);
    // A missing field is a bad request, not a failure.
    expect((await login({ login: "ana" })).status).toBe(400);
  });

  it("accepts a personal API token until it expires or is revoked, and records its last use", async () => {
    const { id, token } = await accounts.createToken("ana", "reports", 30);
    expect(token).toMatch(/^cka_/);
    const PLAN = `{ outreachPlan(input: { sessions: 1, regionCode: "35.26.01" }) { totals { uncoveredReached } } }`;
    expect((await postGraphql(app.url, PLAN, undefined, token)).body.errors).toBeUndefined();
    const [used] = await db.sql.query<{ last_used_at: Date | null; token_hash: string }>(
      `SELECT last_used_at, token_hash FROM api_token WHERE id = $1`,
      [id],
    );
    expect(used!.last_used_at).not.toBeNull();
    expect(used!.token_hash).not.toContain(token);
    // The analyst's plan exports; a viewer's (anonymous) are refused, naming the roles.
    expect((await fetch(`${app.url}/export/field-sheet?plan={}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const anonymous = await fetch(`${app.url}/export/plans/1.csv`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: string }).error).toMatch(/needs the role planner, analyst or admin/);

    await db.sql.query(`UPDATE api_token SET expires_at = now() - interval '1 day' WHERE id = $1`, [id]);
    const expired = await postGraphql(app.url, PLAN, undefined, token);
    expect(expired.body.errors![0].message).toMatch(/^The token "reports" expired on \d{4}-\d\d-\d\d/);
    await db.sql.query(`UPDATE api_token SET expires_at = now() + interval '1 day' WHERE id = $1`, [id]);
    expect((await postGraphql(app.url, PLAN, undefined, token)).body.errors).toBeUndefined();
    await accounts.revokeToken(id);
    const revoked = await postGraphql(app.url, `{ periods }`, undefined, token);
    expect(revoked.body.errors![0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
    expect(revoked.body.errors![0].message).toMatch(/^The token "reports" was revoked/);
  });

  it("keeps an audit log of sign-ins, changes, plans, imports and exports, never a NIK, that only admins can read", async () => {
    const nik = "3526011234567890";
    const imported = await postGraphql(
      app.url,
      `mutation($files: [ImportFileInput!]!) { importFile(kind: ENROLLMENTS, files: $files) { rows } }`,
      { files: [{ name: "e.csv", text: `nik,village_code\n${nik},35.26.01.1001` }] },
      ADMIN,
    );
    expect(imported.body.errors).toBeDefined();
    const { body } = await postGraphql(
      app.url,
      `{ auditLog(first: 1000) { actor role action target outcome detail ip } }`,
      undefined,
      ADMIN,
    );
    const log = body.data.auditLog as {
      actor: string;
      role: string | null;
      action: string;
      target: string;
      outcome: string;
      detail: any;
      ip: string;
    }[];
    const seen = (action: string, target: string, outcome: string, actor?: string) =>
      log.some((e) => e.action === action && e.target === target && e.outcome === outcome && (!actor || e.actor === actor));
    expect(seen("sign-in", "pak.planner", "failed", "anonymous")).toBe(true);
    expect(seen("sign-in", "pak.planner", "ok", "pak.planner")).toBe(true);
    expect(seen("sign-in", "limited", "limited")).toBe(true);
    expect(seen("sign-out", "pak.planner", "ok", "pak.planner")).toBe(true);
    expect(seen("mutation", "createSession", "ok", "pak.planner")).toBe(true);
    expect(seen("mutation", "createSession", "refused", "pak.planner")).toBe(true);
    expect(seen("plan", "outreachPlan", "ok", "ana")).toBe(true);
    expect(seen("export", "/export/field-sheet", "ok", "ana"), JSON.stringify(log.filter((e) => e.action === "export"))).toBe(true);
    expect(seen("export", "/export/plans/1.csv", "refused", "anonymous"), JSON.stringify(log.filter((e) => e.action === "export"))).toBe(
      true,
    );
    expect(seen("import", "importFile", "failed", "ADMIN_TOKEN")).toBe(true);
    expect(log.every((e) => e.ip === "127.0.0.1" || e.ip === "::ffff:127.0.0.1")).toBe(true);
    const everything = await db.sql.query<{ t: string }>(`SELECT string_agg(row_to_json(a)::text, ' ') AS t FROM audit_log a`);
    expect(everything[0]!.t).not.toContain(nik);
    expect(everything[0]!.t).not.toMatch(/\d{16}/);
    // The log is the admins' alone.
    const analyst = await accounts.createToken("ana", "again", 1);
    expect((await postGraphql(app.url, `{ auditLog { id } }`, undefined, analyst.token)).body.errors![0].message).toBe(
      "auditLog needs the role admin; ana is a analyst.",
    );
  });

  it("with ANONYMOUS_ACCESS=none, asks anonymous requests to sign in, exports included", async () => {
    const closed = await startApp(db, { ANONYMOUS_ACCESS: "none" });
    try {
      const answer = await postGraphql(closed.url, `{ periods }`);
      expect(answer.body.errors![0]).toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
      expect(answer.body.errors![0].message).toMatch(
        /periods needs the role viewer, planner, analyst or admin: sign in .*ANONYMOUS_ACCESS=none/,
      );
      expect((await fetch(`${closed.url}/export/coverage.csv?level=DISTRICT`)).status).toBe(401);
      expect(await (await fetch(`${closed.url}/auth/me`)).json()).toMatchObject({ signedIn: false, role: null, anonymousAccess: "none" });
      expect((await postGraphql(closed.url, `{ periods }`, undefined, ADMIN)).body.errors).toBeUndefined();
    } finally {
      await closed.close();
    }
  });
});
