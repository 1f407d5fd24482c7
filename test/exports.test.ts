import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { CSV_FIELDS } from "../server/export/coverage-csv.ts";
import { independentCoverage, rankWithinParent } from "./support/independent-coverage.ts";
import { openSeededApp, type RunningApp } from "./support/http.ts";

describe("GET /export/coverage.csv", () => {
  let db: Database;
  let app: RunningApp;
  let close: () => Promise<void>;
  beforeAll(async () => ({ db, app, close } = await openSeededApp()));
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
      const want = { ...expected[i]!, rank: rank.get(expected[i]!) } as Record<string, unknown>;
      for (const field of CSV_FIELDS) {
        if (field === "areaKm2" || field === "uncoveredPerKm2")
          expect(Number(row[field]), `${row.code} ${field}`).toBeCloseTo(want[field] as number, 6);
        else expect(row[field], `${row.code} ${field}`).toBe(asCsv(want[field]));
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
});
