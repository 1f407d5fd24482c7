// The coverage summary after an import: rebuilt for the regencies the import changed only (the
// other regency's rows are not rewritten: same row versions), and whole when the data's month
// range moves. Each time the summary must equal one computed here from the raw tables.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportKind } from "../domain/vocabulary.ts";
import type { Database } from "../server/db/database.ts";
import { runImport } from "../server/imports/run-import.service.ts";
import { officialRegency } from "../server/regions/official-codes.ts";
import { syntheticRegionBoundaries } from "../server/demo/synthetic-region.ts";
import { SYNTHETIC_ENROLLMENTS, SYNTHETIC_WORKFORCE } from "../server/demo/synthetic-region.sql.ts";
import { refreshCoverageSummary } from "../server/coverage/refresh.sql.ts";
import { toGeoJson } from "./support/boundary-files.ts";
import { openTestDatabase } from "./support/db.ts";

/**
 * The whole summary from the raw tables, row by row: every (village, sector) with workforce or
 * enrollments, for every month from the data's first to its last; workers from the latest estimate
 * at or before the month (else the earliest), enrolled = started by the month and not ended in or
 * before it.
 */
const INDEPENDENT_SUMMARY = `
WITH span AS (
  SELECT min(m) AS lo, max(m) AS hi FROM (
    SELECT to_char(start_date, 'YYYY-MM') AS m FROM enrollment UNION ALL SELECT period FROM workforce_estimate) x
),
month AS (
  SELECT to_char(d, 'YYYY-MM') AS m FROM span,
    generate_series(to_date(span.lo, 'YYYY-MM'), to_date(span.hi, 'YYYY-MM'), interval '1 month') d
),
pair AS (SELECT DISTINCT village_code AS v, sector_code AS s FROM enrollment UNION SELECT village_code, sector_code FROM workforce_estimate),
counted AS (
  SELECT p.v AS village_code, p.s AS sector_code, month.m AS period,
         (SELECT w FROM workforce_estimate w WHERE w.village_code = p.v AND w.sector_code = p.s
          ORDER BY w.period > month.m, abs(to_date(w.period, 'YYYY-MM') - to_date(month.m, 'YYYY-MM')) LIMIT 1) AS w,
         (SELECT count(*) FROM enrollment e WHERE e.village_code = p.v AND e.sector_code = p.s
            AND to_char(e.start_date, 'YYYY-MM') <= month.m AND (e.end_date IS NULL OR to_char(e.end_date, 'YYYY-MM') > month.m))::int AS enrolled
  FROM pair p CROSS JOIN month
)
SELECT village_code, sector_code, period, coalesce((w).workers, 0) AS workforce, coalesce((w).estimated, true) AS workforce_estimated,
       enrolled, CASE WHEN (w).workers > 0 THEN round((enrolled::numeric / (w).workers), 9) END AS coverage_rate,
       greatest(coalesce((w).workers, 0) - enrolled, 0) AS uncovered
FROM counted
ORDER BY 1, 2, 3`;
const SUMMARY = `SELECT village_code, sector_code, period, workforce, workforce_estimated, enrolled, round(coverage_rate::numeric, 9) AS coverage_rate, uncovered
FROM coverage_summary ORDER BY 1, 2, 3`;
/** The summary rows of a regency with their row versions: a rewritten row has a new xmin. */
const VERSIONS = `SELECT village_code, sector_code, period, xmin::text AS version FROM coverage_summary WHERE village_code LIKE $1 || '.%' ORDER BY 1, 2, 3`;

interface SummaryRow {
  village_code: string;
  sector_code: string;
  period: string;
  workforce: number;
  enrolled: number;
}

const KEY = "coverage-refresh-test-key".padEnd(40, "x");

describe("coverage summary refresh after an import", () => {
  let db: Database;
  let villages: { "63.01": string[]; "35.26": string[] };

  const importEnrollments = (rows: { village: string; start: string; end?: string }[], serial: number) => {
    const lines = rows.map(
      (r, i) =>
        `6301${String(serial + i).padStart(12, "0")},${r.village},petani,JKK+JKM,${r.start},${r.end ?? ""},${r.end ? "nonaktif" : "aktif"},APBD`,
    );
    const csv = `nik,village_code,sector,programs,start_date,end_date,status,funding_source\n${lines.join("\n")}\n`;
    return runImport(db.sql, {
      kind: ImportKind.ENROLLMENTS,
      source: { files: [{ name: `enrollments-${serial}.csv`, data: new TextEncoder().encode(csv) }] },
      nikKey: KEY,
    });
  };
  /** The summary and its rollup (district, regency, province, nation '') equal the raw tables' figures. */
  const expectSummaryFromRawTables = async () => {
    const want = await db.sql.query<SummaryRow>(INDEPENDENT_SUMMARY);
    expect(want.length).toBeGreaterThan(1000);
    expect(await db.sql.query(SUMMARY)).toEqual(want);
    const rolled = new Map<string, SummaryRow>();
    for (const row of want)
      for (const length of [0, 2, 5, 8]) {
        const code = row.village_code.slice(0, length);
        const key = [code, row.sector_code, row.period].join("|");
        const sum = rolled.get(key) ?? { village_code: code, sector_code: row.sector_code, period: row.period, workforce: 0, enrolled: 0 };
        rolled.set(key, { ...sum, workforce: sum.workforce + row.workforce, enrolled: sum.enrolled + row.enrolled });
      }
    const byKey = (a: SummaryRow, b: SummaryRow) => {
      const [x, y] = [[a.village_code, a.sector_code, a.period].join("|"), [b.village_code, b.sector_code, b.period].join("|")];
      return x < y ? -1 : x > y ? 1 : 0;
    };
    const rollup = await db.sql.query<SummaryRow>(
      `SELECT code AS village_code, sector_code, period, workforce, enrolled FROM coverage_rollup`,
    );
    expect(rollup.sort(byKey)).toEqual([...rolled.values()].sort(byKey));
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    const regencies = [(await officialRegency("35.26"))!, (await officialRegency("63.01"))!];
    const features = syntheticRegionBoundaries(regencies);
    await runImport(db.sql, {
      kind: ImportKind.BOUNDARIES,
      source: { files: [{ name: "two.geojson", data: new TextEncoder().encode(JSON.stringify(toGeoJson(features))) }] },
      nikKey: "",
    });
    const codes = features.map((f) => f.code);
    villages = { "63.01": codes.filter((c) => c.startsWith("63.01.")), "35.26": codes.filter((c) => c.startsWith("35.26.")) };
  });
  afterAll(() => db?.close());

  it("builds the whole summary the first time", async () => {
    const scope = await db.sql.transaction(async (tx) => {
      await tx.query(SYNTHETIC_WORKFORCE, [null, 3, "2025-01"]);
      await tx.query(SYNTHETIC_ENROLLMENTS, [null, 3, 0.05]);
      // Estimates of several months, some counted: each month takes the latest at or before it, else the earliest.
      await tx.query(SYNTHETIC_WORKFORCE, ["35.26", 4, "2024-06"]);
      await tx.query(SYNTHETIC_WORKFORCE, ["63.01", 5, "2025-05"]);
      await tx.query(`UPDATE workforce_estimate SET estimated = false WHERE period = '2025-05' AND workers % 3 = 0`);
      return refreshCoverageSummary(tx);
    });
    expect(scope).toBe("all");
    await expectSummaryFromRawTables();
  });

  it("rebuilds only the regency an import changed, leaving the other's rows as they were", async () => {
    const [{ lo, hi }] = await db.sql.query<{ lo: string; hi: string }>(
      `SELECT min(period) AS lo, max(period) AS hi FROM coverage_summary`,
    );
    const other = await db.sql.query(VERSIONS, ["35.26"]);
    const mine = await db.sql.query(VERSIONS, ["63.01"]);
    expect(other.length).toBeGreaterThan(100);
    const v = villages["63.01"];
    // Inside the month range: one started in the last month, one ended in the first, a new village-sector pair.
    const outcome = await importEnrollments(
      [
        { village: v[0], start: `${hi}-15` },
        { village: v[1], start: `${lo}-02`, end: `${lo}-20` },
        { village: v[2], start: `${lo}-01` },
        { village: v[v.length - 1], start: `${hi}-01` },
      ],
      1,
    );
    expect(outcome.rows).toBe(4);
    await expectSummaryFromRawTables();
    expect(await db.sql.query(VERSIONS, ["35.26"])).toEqual(other);
    expect(await db.sql.query(VERSIONS, ["63.01"])).not.toEqual(mine);
    const [{ lo: lo2, hi: hi2 }] = await db.sql.query<{ lo: string; hi: string }>(
      `SELECT min(period) AS lo, max(period) AS hi FROM coverage_summary`,
    );
    expect([lo2, hi2]).toEqual([lo, hi]);
    expect(await db.sql.query(`SELECT * FROM coverage_stale`)).toEqual([]);
  });

  it("rebuilds every regency when the month range moves", async () => {
    const [{ next }] = await db.sql.query<{ next: string }>(
      `SELECT to_char(to_date(max(period), 'YYYY-MM') + interval '1 month', 'YYYY-MM') AS next FROM coverage_summary`,
    );
    const other = await db.sql.query(VERSIONS, ["35.26"]);
    await importEnrollments([{ village: villages["63.01"][3], start: `${next}-10` }], 100);
    await expectSummaryFromRawTables();
    const [{ months }] = await db.sql.query<{ months: number }>(
      `SELECT count(DISTINCT period)::int AS months FROM coverage_summary WHERE village_code LIKE '35.26.%' AND period = $1`,
      [next],
    );
    expect(months).toBe(1); // the other regency gained the new month too
    expect(await db.sql.query(VERSIONS, ["35.26"])).not.toEqual(other);
  });

  it("refreshes nothing when nothing changed", async () => {
    const before = await db.sql.query(VERSIONS, ["63.01"]);
    expect(await db.sql.transaction((tx) => refreshCoverageSummary(tx))).toEqual([]);
    expect(await db.sql.query(VERSIONS, ["63.01"])).toEqual(before);
  });
});
