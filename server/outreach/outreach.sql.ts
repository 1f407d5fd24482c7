import { SQL_IN_REGION_OR_ALL } from "../../domain/region-code.ts";
export const POINT_COLUMNS = `p.id, p.code, p.name, p.kind::text AS kind, p.village_code AS "villageCode", ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat,
  coalesce((SELECT json_agg(json_build_object('season', s.season, 'startsOn', to_char(s.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(s.ends_on, 'YYYY-MM-DD')) ORDER BY s.starts_on)
            FROM distribution_schedule s WHERE s.point_id = p.id), '[]'::json) AS schedule`;

/** Points in a region ($1 or null) with distribution in the window [$2, $3] (either may be null). */
export const POINTS = `
SELECT ${POINT_COLUMNS} FROM fertilizer_point p
WHERE ${SQL_IN_REGION_OR_ALL("p.village_code", "$1")}
  AND ($2::date IS NULL AND $3::date IS NULL OR EXISTS (
    SELECT 1 FROM distribution_schedule s WHERE s.point_id = p.id
      AND ($3::date IS NULL OR s.starts_on <= $3::date) AND ($2::date IS NULL OR s.ends_on >= $2::date)))
ORDER BY p.code`;

/** The $2 nearest points to village $1, distance in metres on the geography. */
export const NEAREST_POINTS = `
SELECT ${POINT_COLUMNS}, ST_Distance(p.geom::geography, v.centroid::geography) AS distance
FROM fertilizer_point p, region v
WHERE v.code = $1
ORDER BY ST_Distance(p.geom::geography, v.centroid::geography), p.code
LIMIT $2`;

export const SESSION_COLUMNS = `s.id, s.title, s.status::text AS status, to_char(s.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(s.ends_on, 'YYYY-MM-DD') AS "endsOn",
  s.village_code AS "villageCode", v.name AS "villageName", s.point_id AS "pointId", coalesce(s.target_sectors, '{}') AS "targetSectors",
  s.attendance, s.enrollments_attributed AS "enrollmentsAttributed", s.notes`;

export const SESSIONS = `
SELECT ${SESSION_COLUMNS} FROM outreach_session s JOIN region v ON v.code = s.village_code
WHERE ${SQL_IN_REGION_OR_ALL("s.village_code", "$1")}
  AND ($2::date IS NULL OR s.ends_on >= $2::date) AND ($3::date IS NULL OR s.starts_on <= $3::date)
  AND ($4::text IS NULL OR $4 = ANY(s.target_sectors))
  AND ($5::text IS NULL OR s.status::text = $5)
ORDER BY s.starts_on, s.id`;

export const SESSION_BY_ID = `SELECT ${SESSION_COLUMNS} FROM outreach_session s JOIN region v ON v.code = s.village_code WHERE s.id = $1`;

/** Point $1 exists. */
export const POINT_EXISTS = `SELECT 1 FROM fertilizer_point WHERE id = $1`;
