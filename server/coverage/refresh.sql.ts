import type { Sql } from "../db/sql.ts";
import { LEVEL_CODE_LENGTH, SQL_BELOW_REGION_OR_ALL, SQL_IN_REGION_OR_ALL } from "../../domain/region-code.ts";

/**
 * Builds coverage_summary (village x sector x month) of region $1 (a regency; null: every village)
 * from enrollments and workforce estimates, for the months $2 to $3 ('YYYY-MM').
 * A worker counts as enrolled at the end of month M when start_date <= end of M and
 * (end_date is null or end_date > end of M): running sums of starts minus ends, O(enrollments).
 * The workforce in force at M is the latest estimate at or before M (else the earliest one).
 *
 * Set-based, without a lookup per row: each (village, sector) pair has a few "points", the months
 * where something changes (its first month $2, a month with starts or ends, a workforce estimate,
 * the earliest estimate moved to $2 as it stands for the months before it). One window pass over
 * the points gives, at each, the enrolled count (running sum of starts minus ends) and the
 * workforce in force (the running maximum of [month, workers, estimated]: the latest estimate);
 * each point then stands for the months up to the next one, expanded by generate_series.
 * Moves outside $2..$3 are dropped, as the month grid has no such months.
 * Rows go in month by month, so that a month's rows lie together and reads of one month in a
 * region take the (period, village_code) index, not the primary key across every month.
 */
export const REFRESH_COVERAGE_SUMMARY = `
WITH moves AS (
  SELECT village_code, sector_code, period, sum(delta)::int AS delta
  FROM (
    SELECT village_code, sector_code, to_char(start_date, 'YYYY-MM') AS period, 1 AS delta
    FROM enrollment WHERE ${SQL_BELOW_REGION_OR_ALL("village_code", "$1")}
    UNION ALL
    SELECT village_code, sector_code, to_char(end_date, 'YYYY-MM'), -1
    FROM enrollment WHERE end_date IS NOT NULL AND ${SQL_BELOW_REGION_OR_ALL("village_code", "$1")}
  ) m
  WHERE period BETWEEN $2 AND $3
  GROUP BY 1, 2, 3
),
estimates AS (
  SELECT village_code, sector_code,
         CASE WHEN period = min(period) OVER (PARTITION BY village_code, sector_code) THEN $2 ELSE period END AS period,
         ARRAY[replace(period, '-', '')::int, workers, estimated::int] AS estimate
  FROM workforce_estimate WHERE ${SQL_BELOW_REGION_OR_ALL("village_code", "$1")}
),
points AS (
  SELECT village_code, sector_code, period, sum(delta)::int AS delta, max(estimate) AS estimate
  FROM (
    SELECT village_code, sector_code, period, delta, NULL::int[] AS estimate FROM moves
    UNION ALL SELECT village_code, sector_code, $2, 0, NULL FROM moves
    UNION ALL SELECT village_code, sector_code, period, 0, estimate FROM estimates
  ) p
  GROUP BY 1, 2, 3
),
spans AS (
  SELECT village_code, sector_code, period,
         lead(period) OVER w AS next_period,
         (sum(delta) OVER w)::int AS enrolled,
         max(estimate) OVER w AS estimate
  FROM points
  WINDOW w AS (PARTITION BY village_code, sector_code ORDER BY period ROWS UNBOUNDED PRECEDING)
)
INSERT INTO coverage_summary (village_code, sector_code, period, workforce, workforce_estimated, enrolled, coverage_rate, uncovered)
SELECT s.village_code, s.sector_code, to_char(m, 'YYYY-MM'), w.workers, coalesce(s.estimate[3] = 1, true), s.enrolled,
       CASE WHEN w.workers > 0 THEN s.enrolled::float8 / w.workers END,
       greatest(w.workers - s.enrolled, 0)
FROM spans s
CROSS JOIN LATERAL (SELECT coalesce(s.estimate[2], 0) AS workers) w
CROSS JOIN LATERAL
  generate_series(to_date(s.period || '-01', 'YYYY-MM-DD'),
                  coalesce(to_date(s.next_period || '-01', 'YYYY-MM-DD') - interval '1 month', to_date($3 || '-01', 'YYYY-MM-DD')),
                  interval '1 month') m
ORDER BY 3, 1`;

/** Summary rows of region $1 (null: all). */
const CLEAR_SUMMARY = `DELETE FROM coverage_summary WHERE ${SQL_BELOW_REGION_OR_ALL("village_code", "$1")}`;

/** Rollup rows of regency $1 and its districts (null: all). */
const CLEAR_ROLLUP = `DELETE FROM coverage_rollup WHERE ${SQL_IN_REGION_OR_ALL("code", "$1")}`;

/** Rolls the summary of regency $1 (null: every village) up to its districts. */
const ROLL_UP_DISTRICTS = `
INSERT INTO coverage_rollup (code, sector_code, period, workforce, enrolled, estimated)
SELECT left(village_code, ${LEVEL_CODE_LENGTH.DISTRICT}), sector_code, period, sum(workforce)::int, sum(enrolled)::int,
       bool_or(workforce_estimated AND workforce > 0)
FROM coverage_summary
WHERE ${SQL_BELOW_REGION_OR_ALL("village_code", "$1")}
GROUP BY 1, 2, 3
ORDER BY 3, 1`;

/** Rolls the districts of regency $1 (null: all) up to their regencies (a few rows a district, not every village again). */
const ROLL_UP_REGENCIES = `
INSERT INTO coverage_rollup (code, sector_code, period, workforce, enrolled, estimated)
SELECT left(code, ${LEVEL_CODE_LENGTH.REGENCY}), sector_code, period, sum(workforce)::int, sum(enrolled)::int, bool_or(estimated)
FROM coverage_rollup
WHERE length(code) = ${LEVEL_CODE_LENGTH.DISTRICT} AND ${SQL_BELOW_REGION_OR_ALL("code", "$1")}
GROUP BY 1, 2, 3
ORDER BY 3, 1`;

/** Rollup rows of provinces $1 (null: all) and of the nation (code ''). */
const CLEAR_PROVINCES_AND_NATION = `
DELETE FROM coverage_rollup WHERE code = '' OR (length(code) = ${LEVEL_CODE_LENGTH.PROVINCE} AND ($1::text[] IS NULL OR code = ANY($1::text[])))`;

/** Rolls regencies up to provinces $1 (null: all). */
const ROLL_UP_PROVINCES = `
INSERT INTO coverage_rollup (code, sector_code, period, workforce, enrolled, estimated)
SELECT left(code, ${LEVEL_CODE_LENGTH.PROVINCE}), sector_code, period, sum(workforce)::int, sum(enrolled)::int, bool_or(estimated)
FROM coverage_rollup
WHERE length(code) = ${LEVEL_CODE_LENGTH.REGENCY} AND ($1::text[] IS NULL OR left(code, ${LEVEL_CODE_LENGTH.PROVINCE}) = ANY($1::text[]))
GROUP BY 1, 2, 3`;

/** Rolls provinces up to the nation (code ''). */
const ROLL_UP_NATION = `
INSERT INTO coverage_rollup (code, sector_code, period, workforce, enrolled, estimated)
SELECT '', sector_code, period, sum(workforce)::int, sum(enrolled)::int, bool_or(estimated)
FROM coverage_rollup WHERE length(code) = ${LEVEL_CODE_LENGTH.PROVINCE}
GROUP BY 2, 3`;

/** The regencies marked stale by the enrollment and workforce triggers ('*': all), unmarked. */
const TAKE_STALE = `DELETE FROM coverage_stale RETURNING regency_code AS code`;

/**
 * The first and last month of the data (from the start-date and period indexes, not a scan) and
 * of the summary as it stands, and how many regencies there are.
 */
const MONTH_RANGES = `
SELECT to_char(least(e.lo, to_date(w.lo || '-01', 'YYYY-MM-DD')), 'YYYY-MM') AS data_lo,
       to_char(greatest(e.hi, to_date(w.hi || '-01', 'YYYY-MM-DD')), 'YYYY-MM') AS data_hi,
       (SELECT min(period) FROM coverage_summary) AS summary_lo, (SELECT max(period) FROM coverage_summary) AS summary_hi,
       (SELECT count(*) FROM region WHERE level = 'REGENCY')::int AS regencies
FROM (SELECT min(start_date) AS lo, max(start_date) AS hi FROM enrollment) e,
     (SELECT min(period) AS lo, max(period) AS hi FROM workforce_estimate) w`;

/** What a refresh did: every village ("all"), the regencies listed, or nothing (no data changed). */
export type RefreshScope = "all" | string[];

/**
 * Brings the summary up to date inside the caller's transaction (readers never see it half
 * built), for the regencies whose enrollments or workforce changed in it: each one's rows are
 * rebuilt. When the data's first or last month moved (every village gains or loses months), after
 * a TRUNCATE, or when most regencies changed, the whole summary is rebuilt instead.
 */
export async function refreshCoverageSummary(tx: Sql): Promise<RefreshScope> {
  const stale = (await tx.query<{ code: string }>(TAKE_STALE)).map((r) => r.code).sort();
  if (stale.length === 0) return [];
  const [m] = await tx.query<{
    data_lo: string | null;
    data_hi: string | null;
    summary_lo: string | null;
    summary_hi: string | null;
    regencies: number;
  }>(MONTH_RANGES);
  const whole = stale.includes("*") || m.data_lo !== m.summary_lo || m.data_hi !== m.summary_hi || stale.length * 2 > m.regencies;
  for (const regency of whole ? [null] : stale) {
    await tx.query(CLEAR_SUMMARY, [regency]);
    await tx.query(CLEAR_ROLLUP, [regency]);
    if (m.data_lo !== null) await tx.query(REFRESH_COVERAGE_SUMMARY, [regency, m.data_lo, m.data_hi]);
    await tx.query(ROLL_UP_DISTRICTS, [regency]);
    await tx.query(ROLL_UP_REGENCIES, [regency]);
  }
  const provinces = whole ? null : [...new Set(stale.map((code) => code.slice(0, LEVEL_CODE_LENGTH.PROVINCE)))];
  await tx.query(CLEAR_PROVINCES_AND_NATION, [provinces]);
  await tx.query(ROLL_UP_PROVINCES, [provinces]);
  await tx.query(ROLL_UP_NATION);
  // Fresh statistics after a rebuild, so the planner does not take it for the empty table (about 2x faster reads).
  if (whole) await tx.exec(`ANALYZE coverage_summary, coverage_rollup, region`);
  return whole ? "all" : stale;
}
