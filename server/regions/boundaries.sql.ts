import { LEVEL_CODE_LENGTH, SQL_BELOW_REGION, SQL_IN_REGION, SQL_IN_REGION_OR_ALL } from "../../domain/region-code.ts";
/** PostGIS statements used when boundaries are imported. Parameters are positional ($1...). */

export const UPSERT_REGION = `
INSERT INTO region (code, level, name, parent_code)
SELECT * FROM unnest($1::text[], $2::text[]::"RegionLevel"[], $3::text[], $4::text[])
ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code`;

export const CREATE_STAGE = `
CREATE TEMP TABLE IF NOT EXISTS boundary_stage (code text PRIMARY KEY, name text, g geometry) ON COMMIT DROP`;

export const STAGE_FEATURES = `
INSERT INTO boundary_stage (code, name, g)
SELECT code, name, ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326)
FROM unnest($1::text[], $2::text[], $3::text[]) AS t(code, name, geojson)`;

/** Invalid geometries, with PostGIS's reason, before repair. */
export const INVALID_STAGED = `SELECT code, ST_IsValidReason(g) AS reason FROM boundary_stage WHERE NOT ST_IsValid(g) ORDER BY code`;

export const REPAIR_STAGED = `
UPDATE boundary_stage SET g = ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3))`;

export const EMPTY_STAGED = `SELECT code FROM boundary_stage WHERE ST_IsEmpty(g) ORDER BY code`;

/**
 * Staged features of regency $1 too large or too far to be its places (at level $2): larger than
 * $3 km2 (any Indonesian regency), than the regency already loaded, or (5 features or more) than
 * all the others together; or farther from the median centre of the regency's places at that level
 * (this file's and those already loaded) than the larger of $4 km and 5 times their median distance.
 */
export const IMPLAUSIBLE_STAGED = `
WITH staged AS (
  SELECT code, ST_Area(g::geography) / 1e6 AS km2, ST_PointOnSurface(g) AS p FROM boundary_stage
  WHERE NOT ST_IsEmpty(g) AND ${SQL_IN_REGION("code", "$1")}
), places AS (
  SELECT p FROM staged
  UNION ALL
  SELECT ST_PointOnSurface(r.geom) FROM region r
  WHERE r.level = $2::"RegionLevel" AND left(r.code, 5) = $1 AND r.geom IS NOT NULL AND NOT EXISTS (SELECT 1 FROM boundary_stage s WHERE s.code = r.code)
), centre AS (
  SELECT ST_SetSRID(ST_MakePoint(percentile_cont(0.5) WITHIN GROUP (ORDER BY ST_X(p)), percentile_cont(0.5) WITHIN GROUP (ORDER BY ST_Y(p))), 4326)::geography AS c,
         count(*) AS n
  FROM places
), spread AS (
  SELECT greatest($4::float8, 5 * percentile_cont(0.5) WITHIN GROUP (ORDER BY ST_Distance(p::geography, c) / 1000)) AS km FROM places, centre
), totals AS (
  SELECT sum(km2) AS km2, count(*) AS n FROM staged
), regency AS (
  SELECT (SELECT ST_Area(geom::geography) / 1e6 FROM region WHERE code = $1 AND geom IS NOT NULL AND $2 <> 'REGENCY') AS km2
)
SELECT s.code, s.km2, totals.km2 - s.km2 AS others_km2, regency.km2 AS regency_km2,
       ST_Distance(s.p::geography, centre.c) / 1000 AS km_from_centre, spread.km AS max_km,
       s.km2 > $3 AS absurd, s.km2 > regency.km2 AS over_regency, (totals.n >= 5 AND s.km2 > totals.km2 - s.km2) AS over_others,
       (centre.n >= 3 AND ST_Distance(s.p::geography, centre.c) / 1000 > spread.km) AS far
FROM staged s, centre, spread, totals, regency
WHERE s.km2 > $3 OR s.km2 > regency.km2 OR (totals.n >= 5 AND s.km2 > totals.km2 - s.km2)
   OR (centre.n >= 3 AND ST_Distance(s.p::geography, centre.c) / 1000 > spread.km)
ORDER BY s.code`;

/** Villages whose area lies mostly outside the district they belong to (when that district has its own boundary). */
export const VILLAGES_OUTSIDE_DISTRICT = `
SELECT s.code, d.code AS district,
       ST_Area(ST_Intersection(s.g, d.geom)::geography) / NULLIF(ST_Area(s.g::geography), 0) AS inside
FROM boundary_stage s
JOIN region d ON d.code = left(s.code, 8) AND d.geom IS NOT NULL AND d.source IS DISTINCT FROM 'derived from villages'
WHERE ST_Area(ST_Intersection(s.g, d.geom)::geography) / NULLIF(ST_Area(s.g::geography), 0) < 0.5
ORDER BY s.code`;

export const APPLY_STAGED = `
UPDATE region r SET geom = ST_Multi(s.g), source = $1, synthetic = $2
FROM boundary_stage s WHERE r.code = s.code`;

/**
 * Rebuilds the districts or regencies ($1: their code length) of regencies $2 (an array) from
 * their villages, unless their own boundary was imported.
 * Village files digitised one by one leave slivers between neighbours, which a union turns into
 * hundreds of holes (Bangkalan's 281 villages: 1,404 holes, none over 0.75 ha); holes smaller
 * than $3 square metres are closed, so the regency's outline is its real outline.
 */
export const DERIVE_PARENTS = `
UPDATE region p SET geom = u.geom, source = 'derived from villages', synthetic = u.synthetic
FROM (
  SELECT code, synthetic, ST_Multi(ST_Collect(ARRAY(
           SELECT ST_MakePolygon(ST_ExteriorRing(part.geom), ARRAY(
                    SELECT ST_InteriorRingN(part.geom, i) FROM generate_series(1, ST_NumInteriorRings(part.geom)) AS i
                    WHERE ST_Area(ST_MakePolygon(ST_InteriorRingN(part.geom, i))::geography) >= $3::float8))
           FROM ST_Dump(merged) AS part))) AS geom
  FROM (
    SELECT left(c.code, $1::int) AS code, ST_CollectionExtract(ST_UnaryUnion(ST_Collect(c.geom)), 3) AS merged, bool_or(c.synthetic) AS synthetic
    FROM region c WHERE c.level = 'VILLAGE' AND c.geom IS NOT NULL AND left(c.code, ${LEVEL_CODE_LENGTH.REGENCY}) = ANY($2::text[])
    GROUP BY 1
  ) unioned
) u
WHERE p.code = u.code AND (p.geom IS NULL OR p.source = 'derived from villages')`;

/**
 * Rebuilds province $1 from its regencies (unless its own boundary was imported), closing holes
 * smaller than $2 square metres as DERIVE_PARENTS does.
 */
export const DERIVE_PROVINCE = `
UPDATE region p SET geom = u.geom, source = 'derived from villages', synthetic = u.synthetic
FROM (
  SELECT ST_Multi(ST_Collect(ARRAY(
           SELECT ST_MakePolygon(ST_ExteriorRing(part.geom), ARRAY(
                    SELECT ST_InteriorRingN(part.geom, i) FROM generate_series(1, ST_NumInteriorRings(part.geom)) AS i
                    WHERE ST_Area(ST_MakePolygon(ST_InteriorRingN(part.geom, i))::geography) >= $2::float8))
           FROM ST_Dump(merged) AS part))) AS geom, synthetic
  FROM (
    SELECT ST_CollectionExtract(ST_UnaryUnion(ST_Collect(c.geom)), 3) AS merged, bool_or(c.synthetic) AS synthetic
    FROM region c WHERE c.level = 'REGENCY' AND c.geom IS NOT NULL AND ${SQL_BELOW_REGION("c.code", "$1")}
  ) unioned
  WHERE merged IS NOT NULL
) u
WHERE p.code = $1 AND (p.geom IS NULL OR p.source = 'derived from villages')`;

/** Gaps between villages smaller than this (square metres) are slivers, closed in derived districts and regencies. */
export const SLIVER_HOLE_M2 = 20_000;

export const UPDATE_MEASURES = `
UPDATE region SET centroid = ST_PointOnSurface(geom), area_km2 = ST_Area(geom::geography) / 1e6
WHERE geom IS NOT NULL AND ${SQL_IN_REGION("code", "$1")}`;

export const HAS_COVERAGE_SIMPLIFY = `SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'st_coveragesimplify'`;

/**
 * Display geometry for one level ($1) inside region $2 (null: everywhere), simplified as a coverage so neighbours keep shared edges:
 * ST_CoverageSimplify where PostGIS has it (3.6+), else snapping every vertex to one grid
 * (identical vertices snap identically, so shared edges stay shared).
 */
export const simplifyLevel = (column: "geom_medium" | "geom_low", coverageSimplify: boolean) =>
  coverageSimplify
    ? `
UPDATE region r SET ${column} = ST_Multi(ST_CollectionExtract(s.g, 3))
FROM (SELECT code, ST_CoverageSimplify(geom, $3::float8) OVER () AS g
      FROM region WHERE level = $1::"RegionLevel" AND geom IS NOT NULL AND ${SQL_IN_REGION_OR_ALL("code", "$2")}) s
WHERE r.code = s.code`
    : `
UPDATE region r SET ${column} = CASE WHEN ST_IsEmpty(s.g) THEN r.geom ELSE s.g END
FROM (SELECT code, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SnapToGrid(geom, $3::float8)), 3)) AS g
      FROM region WHERE level = $1::"RegionLevel" AND geom IS NOT NULL AND ${SQL_IN_REGION_OR_ALL("code", "$2")}) s
WHERE r.code = s.code`;

/** The staging table emptied before a file is loaded into it. */
export const CLEAR_STAGE = `TRUNCATE boundary_stage`;
