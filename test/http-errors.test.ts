import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { openTestDatabase } from "./support/db.ts";
import { startApp, type RunningApp, AS_ADMIN } from "./support/http.ts";
import { createLogger } from "../server/logger.ts";

/**
 * The HTTP app's own errors, as `npm run serve` runs it (NODE_ENV unset, where Express would
 * answer with an HTML page holding the stack trace).
 */
describe("HTTP errors: JSON bodies, no stack trace, the right status", () => {
  let db: Database;
  let app: RunningApp;
  const env = process.env.NODE_ENV;
  /** The app's real logger, its JSON lines kept here. */
  const lines: { level: number; msg: string; ip?: string; code?: string }[] = [];
  const logger = createLogger("info", "json", { write: (line: string) => void lines.push(JSON.parse(line)) });
  beforeAll(async () => {
    delete process.env.NODE_ENV;
    db = await openTestDatabase();
    app = await startApp(db, {}, logger);
  });
  afterAll(async () => {
    process.env.NODE_ENV = env;
    await app?.close();
    await db?.close();
  });

  it("answers malformed JSON with 400 and a JSON error naming it, without a stack trace", async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query": "{ __typename }"',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: expect.stringMatching(/^The request body is not valid JSON: /), code: "BAD_USER_INPUT" });
    expect(text).not.toMatch(/\bat \S+ \(|node_modules|<html|<pre>/i);
  });

  it("answers a plan id beyond any plan with 404 NOT_FOUND, not a database error", async () => {
    for (const id of ["99999999999999999999", "2147483648"]) {
      const res = await fetch(`${app.url}/export/plans/${id}.csv`, AS_ADMIN);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: `No saved plan with id ${id}.`, code: "NOT_FOUND" });
    }
    expect((await fetch(`${app.url}/export/plans/2147483647.csv`, AS_ADMIN)).status).toBe(404);
  });

  it("logs the client's own mistakes below error level, with its IP; only internal errors at error", async () => {
    lines.length = 0;
    const post = (query: string, token?: string) =>
      fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
    await post(`mutation { importFile(kind: WORKFORCE, files: [{ name: "a.csv", text: "x" }]) { rows } }`); // no token
    await post(`mutation { importFile(kind: WORKFORCE, files: [{ name: "a.csv", text: "x" }]) { rows } }`, "wrong-token-000000000000");
    await post(`{ dataQuality(regionCode: "nonsense") { regionCode } }`);
    await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    const refused = lines.filter((l) => /refused/.test(l.msg));
    expect(refused.map((l) => l.code ?? "HTTP")).toEqual(["UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "HTTP"]);
    expect(refused.every((l) => l.level === 30 && /127\.0\.0\.1/.test(l.ip ?? ""))).toBe(true);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("refuses a /graphql body over 20 MB with 413 and a JSON error, and accepts one just under", async () => {
    const limit = 20 * 1024 * 1024;
    /** A valid GraphQL request padded with an unused variable to exactly `bytes` bytes. */
    const body = (bytes: number) => {
      const head = '{"query":"{ __typename }","variables":{"pad":"';
      const tail = '"}}';
      return head + "x".repeat(bytes - head.length - tail.length) + tail;
    };
    const post = (text: string) =>
      fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: text });
    const over = await post(body(limit + 1));
    expect(over.status).toBe(413);
    expect(over.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await over.json()).toEqual({ error: expect.stringMatching(/too large/i), code: "BAD_USER_INPUT" });
    const under = await post(body(limit - 1024));
    expect(under.status).toBe(200);
    expect(await under.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("answers a variable the operation cannot take with 400 BAD_USER_INPUT naming the variable, not a 500", async () => {
    const query = "query ($s: Sector!) { coverage(level: DISTRICT, sector: $s, first: 1) { totalCount } }";
    const cases: [unknown, string][] = [
      [{ s: "FISH" }, 'Variable "$s" got invalid value "FISH"; Value "FISH" does not exist in "Sector" enum.'],
      [{ s: 3 }, 'Variable "$s" got invalid value 3; Enum "Sector" cannot represent non-string value: 3.'],
      [{}, 'Variable "$s" of required type "Sector!" was not provided.'],
    ];
    for (const [variables, message] of cases) {
      const res = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      expect(res.status, JSON.stringify(variables)).toBe(400);
      const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: unknown }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].message.startsWith(message), body.errors[0].message).toBe(true);
      expect(body.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT" });
    }
  });
});
