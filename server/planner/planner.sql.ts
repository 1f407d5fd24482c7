import { SQL_IN_REGION_OR_ALL } from "../../domain/region-code.ts";
// The planner's SQL: candidate sites with the villages each reaches (PostGIS geography distances),
// uncovered workers per village and sector, and the enrollment rate of past sessions.

/**
 * Candidate sites and the villages (in the region) whose inner point lies within $4 metres:
 * $1 region or null, $2/$3 date window (either may be null), $4 distance in metres, $5 include
 * village sites. A fertilizer point is a candidate only with distribution in the window; its
 * session date is the first distribution day in the window, and null without a window (as for
 * village sites), so no plan dates a session by a schedule that may lie in the past.
 */
export const CANDIDATES = `
WITH points AS (
  SELECT p.id, p.code, p.name, p.kind::text AS kind, p.village_code, p.geom,
         (SELECT min(greatest(s.starts_on, coalesce($2::date, s.starts_on))) FROM distribution_schedule s
           WHERE s.point_id = p.id AND ($3::date IS NULL OR s.starts_on <= $3::date) AND ($2::date IS NULL OR s.ends_on >= $2::date)) AS session_date
  FROM fertilizer_point p
  WHERE ${SQL_IN_REGION_OR_ALL("p.village_code", "$1")}
),
candidates AS (
  SELECT id AS point_id, code, name, kind, village_code, geom,
         CASE WHEN $2::date IS NULL AND $3::date IS NULL THEN NULL ELSE session_date END AS session_date FROM points
  WHERE session_date IS NOT NULL OR ($2::date IS NULL AND $3::date IS NULL)
  UNION ALL
  SELECT NULL, v.code, v.name, 'VILLAGE', v.code, v.centroid, $2::date FROM region v
  WHERE $5::boolean AND v.level = 'VILLAGE' AND v.centroid IS NOT NULL AND ${SQL_IN_REGION_OR_ALL("v.code", "$1")}
)
SELECT c.point_id AS "pointId", c.code, c.name, c.kind, c.village_code AS "villageCode", ST_X(c.geom) AS lon, ST_Y(c.geom) AS lat,
       to_char(c.session_date, 'YYYY-MM-DD') AS date,
       coalesce(json_agg(json_build_object('code', v.code, 'distance', ST_Distance(c.geom::geography, v.centroid::geography)))
                FILTER (WHERE v.code IS NOT NULL), '[]'::json) AS reach
FROM candidates c
LEFT JOIN region v ON v.level = 'VILLAGE' AND ${SQL_IN_REGION_OR_ALL("v.code", "$1")}
  AND ST_DWithin(c.geom::geography, v.centroid::geography, $4::float8)
GROUP BY c.point_id, c.code, c.name, c.kind, c.village_code, c.geom, c.session_date
ORDER BY c.code`;

/** Villages in region $1 with workforce, enrolled and uncovered for sectors $3 in period $2 (uncovered per sector, summed). */
export const VILLAGE_GAPS = `
SELECT v.code, v.name, v.parent_code AS "districtCode", d.name AS "districtName", cs.sector_code AS sector,
       coalesce(cs.workforce, 0) AS workforce, coalesce(cs.enrolled, 0) AS enrolled, coalesce(cs.uncovered, 0) AS uncovered
FROM region v
JOIN region d ON d.code = v.parent_code
LEFT JOIN coverage_summary cs ON cs.village_code = v.code AND cs.period = $2 AND cs.sector_code = ANY($3::text[])
WHERE v.level = 'VILLAGE' AND ${SQL_IN_REGION_OR_ALL("v.code", "$1")}
ORDER BY v.code, cs.sector_code`;

/** Enrollments attributed and attendance of held sessions targeting any of sectors $1. */
export const PAST_SESSION_RATE = `
SELECT coalesce(sum(enrollments_attributed), 0)::int AS enrolled, coalesce(sum(attendance), 0)::int AS attendance
FROM outreach_session
WHERE status = 'HELD' AND attendance > 0 AND target_sectors && $1::text[]`;

/** The regions a plan reports on: $1 itself (or every regency when null) and its districts. */
export const PROJECTION_REGIONS = `
SELECT code, name, level::text AS level FROM region
WHERE level IN ('REGENCY', 'DISTRICT') AND ${SQL_IN_REGION_OR_ALL("code", "$1")}
   OR code = $1
ORDER BY length(code), code`;

export const SAVED_PLANS = `
SELECT p.id, p.name, p.created_at AS "createdAt", p.result AS plan,
       (SELECT count(*)::int FROM outreach_session s WHERE s.plan_id = p.id) AS "sessionCount"
FROM outreach_plan p
WHERE $1::int IS NULL OR p.id = $1
ORDER BY p.created_at DESC, p.id DESC`;
