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
