// Coverage computed here from the raw tables (workforce_estimate, enrollment, region geometry),
// never from coverage_summary or the app's SQL, for tests to compare the app's answers with.
import type { Database } from "../../server/db/database.ts";

export interface IndependentCoverage {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  parentName: string | null;
  workforce: number;
  enrolled: number;
  coverageRate: number | null;
  uncovered: number;
  areaKm2: number | null;
  uncoveredPerKm2: number | null;
  gapToTarget: number;
  reliability: string;
  overEnrolled: boolean;
}

const CODE_LENGTH = { REGENCY: 5, DISTRICT: 8, VILLAGE: 13 } as const;

/**
 * Every region at `level` for `sector` (null: all) at the end of `month` (YYYY-MM): workers from
 * the latest estimate at or before the month, enrolled = enrollments started by the month's end
 * and not ended by it; rate = enrolled / workforce; gap to `target`; reliability with `minWorkforce`.
 */
export async function independentCoverage(
  db: Database,
  {
    level,
    sector,
    month,
    target = 0.5,
    minWorkforce = 30,
  }: { level: keyof typeof CODE_LENGTH; sector: string | null; month: string; target?: number; minWorkforce?: number },
): Promise<IndependentCoverage[]> {
  const rows = await db.sql.query<
    Omit<IndependentCoverage, "coverageRate" | "uncovered" | "uncoveredPerKm2" | "gapToTarget" | "reliability" | "overEnrolled"> & {
      estimated: boolean;
    }
  >(
    `WITH latest AS (
       SELECT DISTINCT ON (village_code, sector_code) village_code, workers, estimated FROM workforce_estimate
       WHERE period <= $2 AND ($1::text IS NULL OR sector_code = $1) ORDER BY village_code, sector_code, period DESC),
     month_end AS (SELECT (to_date($2 || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date AS d),
     w AS (SELECT left(village_code, $3) AS code, sum(workers)::int AS workforce, bool_or(estimated AND workers > 0) AS estimated
           FROM latest GROUP BY 1),
     e AS (SELECT left(village_code, $3) AS code, count(*)::int AS enrolled FROM enrollment, month_end
           WHERE ($1::text IS NULL OR sector_code = $1) AND start_date <= month_end.d AND (end_date IS NULL OR end_date > month_end.d)
           GROUP BY 1)
     SELECT r.code, r.name, r.level::text AS level, r.parent_code AS "parentCode", p.name AS "parentName",
            coalesce(w.workforce, 0) AS workforce, coalesce(e.enrolled, 0) AS enrolled, coalesce(w.estimated, false) AS estimated,
            CASE WHEN r.geom IS NULL THEN NULL ELSE ST_Area(r.geom::geography) / 1e6 END AS "areaKm2"
     FROM region r LEFT JOIN region p ON p.code = r.parent_code LEFT JOIN w ON w.code = r.code LEFT JOIN e ON e.code = r.code
     WHERE r.level::text = $4 ORDER BY r.code`,
    [sector, month, CODE_LENGTH[level], level],
  );
  return rows.map(({ estimated, ...r }) => {
    const uncovered = Math.max(r.workforce - r.enrolled, 0);
    return {
      ...r,
      coverageRate: r.workforce > 0 ? r.enrolled / r.workforce : null,
      uncovered,
      uncoveredPerKm2: r.areaKm2 ? uncovered / r.areaKm2 : null,
      gapToTarget: Math.max(Math.ceil(target * r.workforce - 1e-9) - r.enrolled, 0),
      reliability: r.workforce === 0 ? "NO_WORKFORCE" : r.workforce < minWorkforce ? "SMALL_WORKFORCE" : estimated ? "ESTIMATE" : "COUNT",
      overEnrolled: r.workforce > 0 && r.enrolled > r.workforce,
    };
  });
}

/** Rank within each parent by `value` (1 = first; equal values share a rank; nulls last), as SQL rank(). */
export function rankWithinParent<T extends { parentCode: string | null }>(
  rows: readonly T[],
  value: (r: T) => number | null,
  direction: "ASC" | "DESC",
): Map<T, number> {
  const key = (r: T) => {
    const v = value(r);
    return v == null ? Number.POSITIVE_INFINITY : direction === "ASC" ? v : -v;
  };
  const ranks = new Map<T, number>();
  for (const r of rows) ranks.set(r, 1 + rows.filter((o) => o.parentCode === r.parentCode && key(o) < key(r)).length);
  return ranks;
}
