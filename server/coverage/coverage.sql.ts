import { LEVEL_CODE_LENGTH, SQL_BELOW_REGION_OR_ALL } from "../../domain/region-code.ts";
import { CoverageMetric, SortDirection, type Reliability, type RegionLevel } from "../../domain/vocabulary.ts";

/** Latest month in the coverage summary. */
export const LATEST_PERIOD = `SELECT max(period) AS period FROM coverage_summary`;
/**
 * The months with figures, oldest first: a loose index scan (one probe of the (period, sector)
 * index per month) instead of reading every summary row (4.6 million for the nation).
 */
export const PERIODS = `
WITH RECURSIVE p AS (
  SELECT min(period) AS period FROM coverage_summary
  UNION ALL
  SELECT (SELECT min(period) FROM coverage_summary c WHERE c.period > p.period) FROM p WHERE p.period IS NOT NULL
)
SELECT period FROM p WHERE period IS NOT NULL ORDER BY period`;

/**
 * Figures per region, sector and month of the regions whose codes are `length` long (a SQL
 * expression): villages from the summary, districts, regencies, provinces and the nation (length
 * 0, code '') from its rollup. Filters on code and period reach the tables' indexes.
 */
const FIGURES_AT = (length: string) => `(
  SELECT village_code AS code, sector_code, period, workforce, enrolled, workforce_estimated AND workforce > 0 AS estimated
  FROM coverage_summary WHERE ${length} = ${LEVEL_CODE_LENGTH.VILLAGE}
  UNION ALL
  SELECT code, sector_code, period, workforce, enrolled, estimated
  FROM coverage_rollup WHERE ${length} <> ${LEVEL_CODE_LENGTH.VILLAGE} AND length(code) = ${length}
)`;

const METRIC_COLUMN: Record<CoverageMetric, string> = {
  WORKFORCE: "workforce",
  ENROLLED: "enrolled",
  COVERAGE_RATE: "coverage_rate",
  UNCOVERED: "uncovered",
  UNCOVERED_PER_KM2: "uncovered_per_km2",
  GAP_TO_TARGET: "gap_to_target",
};

export interface CoverageRow {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  parent_name: string | null;
  area_km2: number | null;
  workforce: number;
  /** Null (with the figures derived from it) when the cell is suppressed. */
  enrolled: number | null;
  coverage_rate: number | null;
  uncovered: number | null;
  uncovered_per_km2: number | null;
  gap_to_target: number | null;
  rank: number;
  reliability: Reliability;
  suppressed: boolean;
  total_count: number;
  tot_workforce: number;
  tot_enrolled: number;
  tot_gap: number;
  /** Some region in scope is suppressed: the summed gap would give its count back. */
  any_suppressed: boolean;
}

/**
 * Coverage of every region at one level from the village summary: $1 period, $2 code length of
 * the level, $3 sector or null, $4 level, $5 parent code or null, $6 target, $7 min workforce,
 * $8/$9 coverage-rate bounds, $10 min uncovered, $11 reliabilities, $12 limit (null: all), $13 offset,
 * $14 codes of the suppressed cells (server/disclosure): their count and what derives from it are
 * null before ranking, ordering and filtering, so neither gives it back. Totals are the true sums
 * (the caller withholds them when the parent's cell is suppressed).
 * The metric and direction come from enums, never from user text.
 */
export function coverageQuery(orderBy: CoverageMetric, direction: SortDirection): string {
  const col = METRIC_COLUMN[orderBy];
  const dir = direction === SortDirection.DESC ? "DESC" : "ASC";
  return `
WITH agg AS (
  SELECT f.code, sum(f.workforce)::int AS workforce, sum(f.enrolled)::int AS enrolled, bool_or(f.estimated) AS estimated
  FROM ${FIGURES_AT("$2::int")} f
  WHERE f.period = $1 AND ($3::text IS NULL OR f.sector_code = $3) AND ${SQL_BELOW_REGION_OR_ALL("f.code", "$5")}
  GROUP BY 1
),
base AS (
  SELECT r.code, r.name, r.level::text AS level, r.parent_code, pr.name AS parent_name, r.area_km2,
         coalesce(a.workforce, 0) AS workforce, coalesce(a.enrolled, 0) AS enrolled, coalesce(a.estimated, false) AS estimated
  FROM region r
  LEFT JOIN region pr ON pr.code = r.parent_code
  LEFT JOIN agg a ON a.code = r.code
  WHERE r.level = $4::text::"RegionLevel" AND ${SQL_BELOW_REGION_OR_ALL("r.code", "$5")}
),
true_metrics AS (
  SELECT *, code = ANY($14::text[]) AS suppressed,
         greatest(ceil($6::float8 * workforce - 1e-9)::int - enrolled, 0) AS true_gap
  FROM base
),
metrics AS (
  SELECT code, name, level, parent_code, parent_name, area_km2, workforce, suppressed,
         CASE WHEN NOT suppressed THEN enrolled END AS enrolled,
         CASE WHEN workforce > 0 AND NOT suppressed THEN enrolled::float8 / workforce END AS coverage_rate,
         CASE WHEN NOT suppressed THEN greatest(workforce - enrolled, 0) END AS uncovered,
         CASE WHEN NOT suppressed THEN greatest(workforce - enrolled, 0) / nullif(area_km2, 0) END AS uncovered_per_km2,
         CASE WHEN NOT suppressed THEN true_gap END AS gap_to_target,
         CASE WHEN suppressed THEN 'SUPPRESSED' WHEN workforce = 0 THEN 'NO_WORKFORCE' WHEN workforce < $7::int THEN 'SMALL_WORKFORCE'
              WHEN estimated THEN 'ESTIMATE' ELSE 'COUNT' END AS reliability,
         sum(workforce) OVER ()::int AS tot_workforce, sum(enrolled) OVER ()::int AS tot_enrolled,
         sum(true_gap) OVER ()::int AS tot_gap, bool_or(suppressed) OVER () AS any_suppressed
  FROM true_metrics
),
ranked AS (
  SELECT *, rank() OVER (PARTITION BY parent_code ORDER BY ${col} ${dir} NULLS LAST)::int AS rank
  FROM metrics
),
filtered AS (
  SELECT * FROM ranked
  WHERE ($8::float8 IS NULL OR coverage_rate >= $8) AND ($9::float8 IS NULL OR coverage_rate <= $9)
    AND ($10::int IS NULL OR uncovered >= $10) AND ($11::text[] IS NULL OR reliability = ANY($11::text[]))
)
SELECT *, count(*) OVER ()::int AS total_count FROM filtered
ORDER BY ${col} ${dir} NULLS LAST, code
LIMIT $12 OFFSET $13`;
}

/** Totals for the scope when no row passes the filters. */
export const SCOPE_TOTALS = `
SELECT coalesce(sum(cs.workforce), 0)::int AS workforce, coalesce(sum(cs.enrolled), 0)::int AS enrolled
FROM coverage_summary cs
WHERE cs.period = $1 AND ($2::text IS NULL OR cs.sector_code = $2) AND ${SQL_BELOW_REGION_OR_ALL("cs.village_code", "$3")}`;

/** By-sector figures for many regions at one level in one statement: $1 period, $2 code length, $3 codes. */
export const BY_SECTOR = `
SELECT f.code, f.sector_code AS sector, f.workforce, f.enrolled, f.estimated
FROM ${FIGURES_AT("$2::int")} f
WHERE f.period = $1 AND f.code = ANY($3::text[])
ORDER BY 1, 2`;

/** Monthly series for a region: $1 region code (null: the nation, all data), $2 sector or null, $3 months. */
export const SERIES = `
SELECT f.period, sum(f.workforce)::int AS workforce, sum(f.enrolled)::int AS enrolled
FROM ${FIGURES_AT("length(coalesce($1::text, ''))")} f
WHERE f.code = coalesce($1::text, '') AND ($2::text IS NULL OR f.sector_code = $2)
  AND f.period > to_char((SELECT to_date(max(period) || '-01', 'YYYY-MM-DD') FROM coverage_summary) - ($3::int * interval '1 month'), 'YYYY-MM')
GROUP BY f.period ORDER BY f.period`;
