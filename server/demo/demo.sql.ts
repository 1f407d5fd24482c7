import { SQL_BELOW_REGION } from "../../domain/region-code.ts";
/** Spatial SQL used to build the demo. */

/** Villages of a regency with area and whether they lie on the coast: within about 300 m of the regency's outline, leaving out its easternmost strip (the land border in Bangkalan's case). */
export const DEMO_VILLAGES = `
WITH r AS (SELECT geom, ST_XMax(geom) AS xmax, ST_XMin(geom) AS xmin FROM region WHERE code = $1)
SELECT v.code, v.area_km2 AS "areaKm2",
       NOT ST_IsEmpty(ST_Intersection(
         ST_Intersection(ST_Buffer(v.geom, 0.003), ST_Boundary(r.geom)),
         ST_MakeEnvelope(r.xmin - 1, -90, r.xmax - 0.06 * (r.xmax - r.xmin), 90, 4326))) AS coastal,
       substr(v.code, 10, 1) = '1' AS urban
FROM region v, r
WHERE v.level = 'VILLAGE' AND ${SQL_BELOW_REGION("v.code", "$1")} AND v.geom IS NOT NULL
ORDER BY v.code`;

/** A warehouse at each district's point on surface, and kiosks inside chosen villages (seeded points). */
export const DEMO_FERTILIZER_POINTS = `
INSERT INTO fertilizer_point (code, name, kind, village_code, geom)
SELECT 'GDG-' || d.code, 'Gudang Pupuk Kec. ' || d.name, 'WAREHOUSE'::"FertilizerPointKind",
       (SELECT v.code FROM region v WHERE v.parent_code = d.code AND ST_Intersects(v.geom, ST_PointOnSurface(d.geom)) LIMIT 1),
       ST_PointOnSurface(d.geom)
FROM region d WHERE d.level = 'DISTRICT' AND ${SQL_BELOW_REGION("d.code", "$1")} AND d.geom IS NOT NULL
UNION ALL
SELECT 'KIOS-' || v.code, 'Kios Pupuk ' || v.name, 'KIOSK'::"FertilizerPointKind", v.code,
       ST_SetSRID(ST_GeometryN(ST_GeneratePoints(v.geom, 1, $3::int), 1), 4326)
FROM region v WHERE v.code = ANY($2::text[])
ON CONFLICT (code) DO NOTHING`;

/** Planting-season distribution windows: each point gets a 10-day window per season, staggered by district. */
export const DEMO_SCHEDULES = `
INSERT INTO distribution_schedule (point_id, season, starts_on, ends_on)
SELECT p.id, s.season,
       s.start + ((substr(p.village_code, 7, 2)::int * 3 + p.id % 5) % 40) * interval '1 day',
       s.start + ((substr(p.village_code, 7, 2)::int * 3 + p.id % 5) % 40 + 9) * interval '1 day'
FROM fertilizer_point p
CROSS JOIN (VALUES ('MT I 2024/2025', date '2024-10-20'), ('MT II 2025', date '2025-02-15'), ('MT III 2025', date '2025-06-01'),
                   ('MT I 2025/2026', date '2025-10-20'), ('MT II 2026', date '2026-02-15'), ('MT III 2026', date '2026-06-01')) AS s(season, start)
WHERE ${SQL_BELOW_REGION("p.village_code", "$1")}`;

/** Any village with a boundary: something is loaded. */
export const ANY_VILLAGE_BOUNDARY = `SELECT 1 FROM region WHERE level = 'VILLAGE' AND geom IS NOT NULL LIMIT 1`;

/** Everything the demo writes besides boundaries, emptied before it writes it again. */
export const DEMO_RESET = `TRUNCATE enrollment, nik_key, workforce_estimate, distribution_schedule, fertilizer_point, outreach_session, coverage_summary, import_run RESTART IDENTITY CASCADE`;

/** The socialization of September 2025 ($1 title, $2/$3 days, $4 attendance) in the first village of district $5. */
export const DEMO_SOCIALIZATION = `INSERT INTO outreach_session (title, status, starts_on, ends_on, village_code, location, target_sectors, attendance, notes)
       SELECT $1, 'HELD', $2::date, $3::date, v.code, v.centroid, ARRAY['FARMER','LIVESTOCK','FISHER'], $4, 'Held in the regency seat.'
       FROM region v WHERE v.parent_code = $5 ORDER BY v.code LIMIT 1 RETURNING id`;

/** Past and planned sessions at some warehouses, on their MT I distribution days. */
export const DEMO_SESSIONS_AT_WAREHOUSES = `INSERT INTO outreach_session (title, status, starts_on, ends_on, village_code, point_id, location, target_sectors, attendance, enrollments_attributed)
       SELECT 'Sosialisasi di ' || p.name, CASE WHEN s.starts_on < date '2025-10-01' THEN 'HELD' ELSE 'PLANNED' END::"SessionStatus",
              s.starts_on, s.starts_on, p.village_code, p.id, p.geom, ARRAY['FARMER'],
              CASE WHEN s.starts_on < date '2025-10-01' THEN 40 + p.id % 60 END,
              CASE WHEN s.starts_on < date '2025-10-01' THEN (40 + p.id % 60) * (20 + p.id % 15) / 100 ELSE 0 END
       FROM fertilizer_point p JOIN distribution_schedule s ON s.point_id = p.id
       WHERE p.kind = 'WAREHOUSE' AND s.season IN ('MT I 2024/2025', 'MT I 2025/2026') AND p.id % 3 = 0`;

/** Session $1 gets the enrollments attributed to it. */
export const ATTRIBUTE_ENROLLMENTS = `UPDATE outreach_session s SET enrollments_attributed = (SELECT count(*) FROM enrollment e WHERE e.session_id = s.id) WHERE s.id = $1`;
