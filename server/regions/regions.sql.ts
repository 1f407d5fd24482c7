import { SQL_BELOW_REGION_OR_ALL, SQL_IN_REGION_OR_ALL } from "../../domain/region-code.ts";
import type { RegionLevel } from "../../domain/vocabulary.ts";

/** Region reads (PostGIS). Geometry leaves the database as GeoJSON built by ST_AsGeoJSON. */

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  area_km2: number | null;
  bbox: number[] | null;
  lon: number | null;
  lat: number | null;
  synthetic: boolean;
}

const REGION_COLUMNS = `r.code, r.name, r.level::text AS level, r.parent_code, r.area_km2, r.synthetic,
  CASE WHEN r.geom IS NOT NULL THEN ARRAY[ST_XMin(r.geom), ST_YMin(r.geom), ST_XMax(r.geom), ST_YMax(r.geom)] END AS bbox,
  ST_X(r.centroid) AS lon, ST_Y(r.centroid) AS lat`;

export const REGIONS_BY_CODES = `SELECT ${REGION_COLUMNS} FROM region r WHERE r.code = ANY($1::text[])`;
export const CHILDREN_OF = `SELECT ${REGION_COLUMNS} FROM region r WHERE r.parent_code = ANY($1::text[]) ORDER BY r.code`;
export const REGIONS_AT_LEVEL = `SELECT ${REGION_COLUMNS} FROM region r WHERE r.level = $1::text::"RegionLevel" AND ${SQL_BELOW_REGION_OR_ALL("r.code", "$2")} ORDER BY r.code`;
export const ALL_NAMES = `SELECT code, name, level::text AS level FROM region ORDER BY code`;

/** $1 level, $2 parent or null, $3 detail column chosen from an enum. */
export const geometriesQuery = (column: "geom" | "geom_medium" | "geom_low") => `
SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
  'type', 'Feature',
  'id', f.n,
  'properties', json_build_object('code', f.code, 'name', f.name, 'parentCode', f.parent_code, 'areaKm2', f.area_km2),
  'geometry', ST_AsGeoJSON(f.g, 6)::json) ORDER BY f.code), '[]'::json)) AS collection
FROM (
  SELECT row_number() OVER (ORDER BY code)::int AS n, code, name, parent_code, area_km2, coalesce(${column}, geom) AS g
  FROM region WHERE level = $1::text::"RegionLevel" AND ${SQL_IN_REGION_OR_ALL("code", "$2")} AND geom IS NOT NULL
) f`;

/** Regions of a level within $4 metres of the point ($2 lon, $3 lat), nearest first. */
export const WITHIN_DISTANCE = `
SELECT ${REGION_COLUMNS}, ST_Distance(r.geom::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography) AS distance
FROM region r
WHERE r.level = $1::text::"RegionLevel" AND ST_DWithin(r.geom::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, $4)
ORDER BY distance, r.code`;

/** Regions of a level intersecting a GeoJSON geometry ($2, lon/lat). */
export const INTERSECTING = `
SELECT ${REGION_COLUMNS} FROM region r
WHERE r.level = $1::text::"RegionLevel" AND ST_Intersects(r.geom, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326))
ORDER BY r.code`;

/** The village and district (and regency) whose boundary covers the point ($1 lon, $2 lat). */
export const CONTAINING = `
SELECT ${REGION_COLUMNS} FROM region r
WHERE r.level IN ('VILLAGE', 'DISTRICT', 'REGENCY') AND ST_Covers(r.geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))
ORDER BY length(r.code) DESC`;
