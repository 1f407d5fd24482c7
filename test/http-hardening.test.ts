import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_DIST } from "../server/app.ts";
import type { Database } from "../server/db/database.ts";
import { openSeededApp, postGraphql, startApp, type RunningApp } from "./support/http.ts";
import { openSeededDatabase } from "./support/seeded.ts";

const COVERAGE = `{ coverage(level: VILLAGE, first: 300) { edges { node { code name coverageRate } } } }`;

describe("HTTP hardening: security headers, compression, caching, readiness", () => {
  let db: Database;
  let app: RunningApp;
  let close: () => Promise<void>;
  beforeAll(async () => ({ db, app, close } = await openSeededApp()));
  afterAll(() => close?.());

  it("sends a Content-Security-Policy allowing only the app itself, no framing, no sniffing, no referrer", async () => {
    for (const path of ["/", "/graphql", "/healthz"]) {
      const response = await fetch(`${app.url}${path}`, { headers: { accept: "text/html" } });
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("connect-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    }
    // GraphiQL starts from a script file, not an inline script (which the policy forbids).
    const graphiql = await (await fetch(`${app.url}/graphql`, { headers: { accept: "text/html" } })).text();
    expect(graphiql).not.toMatch(/<script>/);
    expect((await fetch(`${app.url}/graphiql-init.js`)).status).toBe(200);
  });

  it("allows the basemap's host when BASEMAP_URL is set, and no other", async () => {
    const withBasemap = await startApp(db, { BASEMAP_URL: "https://tiles.example.org/styles/bright/style.json" });
    try {
      const csp = (await fetch(`${withBasemap.url}/healthz`)).headers.get("content-security-policy") ?? "";
      expect(csp).toContain("connect-src 'self' https://tiles.example.org;");
      expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.org;");
      expect(csp).not.toContain("*");
    } finally {
      await withBasemap.close();
    }
  });

  it("compresses API answers and static files for clients that accept it", async () => {
    const api = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-encoding": "gzip" },
      body: JSON.stringify({ query: COVERAGE }),
    });
    expect(api.headers.get("content-encoding")).toBe("gzip");
    expect(((await api.json()) as any).data.coverage.edges.length).toBeGreaterThan(100);
    const csv = await fetch(`${app.url}/export/coverage.csv?level=VILLAGE`, { headers: { "accept-encoding": "gzip" } });
    expect(csv.headers.get("content-encoding")).toBe("gzip");
    const script = readdirSync(`${CLIENT_DIST}/assets`).find((f) => f.endsWith(".js"))!;
    const asset = await fetch(`${app.url}/assets/${script}`, { headers: { "accept-encoding": "gzip" } });
    expect(asset.headers.get("content-encoding")).toBe("gzip");
  });

  it("caches hashed assets for a year as immutable; the page itself is revalidated", async () => {
    const script = readdirSync(`${CLIENT_DIST}/assets`).find((f) => f.endsWith(".js"))!;
    const asset = await fetch(`${app.url}/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const page = await fetch(`${app.url}/`);
    expect(page.headers.get("cache-control")).toBe("no-cache");
  });

  it("/readyz checks the database (503 with the reason when it is gone); /healthz checks only the process", async () => {
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ok: true,
      database: { mode: db.mode, state: "up" },
      replicas: [],
      cache: { store: "memory", state: "up" },
    });

    const doomed = await openSeededDatabase();
    const over = await startApp(doomed);
    try {
      await doomed.close();
      const gone = await fetch(`${over.url}/readyz`);
      expect(gone.status).toBe(503);
      const body = (await gone.json()) as { ok: boolean; problem: string; database: { state: string } };
      expect(body.ok).toBe(false);
      expect(body.database.state).toBe("down");
      expect(body.problem).toMatch(/^the database did not answer: ./);
      expect((await fetch(`${over.url}/healthz`)).status).toBe(200);
    } finally {
      await over.close();
    }
    expect((await postGraphql(app.url, `{ periods }`)).status).toBe(200);
  });
});
