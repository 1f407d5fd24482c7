/** Vector-tile SQL. Geometry is read at the detail a zoom needs (see detailForZoom in tile.service.ts). */

export type TileColumn = "geom" | "geom_medium" | "geom_low";

/** Makes a one-point tile: fails where PostGIS cannot make vector tiles (embedded PGlite: built without protobuf-c). */
export const PROBE_AS_MVT = `SELECT ST_AsMVT(t) AS tile FROM (SELECT ST_AsMVTGeom(ST_Point(0.5, 0.5), ST_MakeEnvelope(0, 0, 1, 1)) AS geom) t`;

/**
 * One Mapbox vector tile ($1 z, $2 x, $3 y) of the regions at level $4, in layer $5, with code and
 * name only: geometry clipped to the tile with a 64-unit buffer on a 4096 grid (PostGIS ST_AsMVT).
 */
export const mvtQuery = (column: TileColumn) => `
WITH bounds AS (SELECT ST_TileEnvelope($1::int, $2::int, $3::int) AS env),
mvt AS (
  SELECT r.code, r.name, ST_AsMVTGeom(ST_Transform(coalesce(r.${column}, r.geom), 3857), bounds.env, 4096, 64, true) AS geom
  FROM region r, bounds
  WHERE r.level = $4::text::"RegionLevel" AND r.geom && ST_Transform(bounds.env, 4326)
)
SELECT ST_AsMVT(mvt, $5::text, 4096, 'geom') AS tile FROM mvt WHERE geom IS NOT NULL`;

/** Every region at level $1 as GeoJSON features (code and name), for tiles made in Node (embedded). */
export const levelFeatures = (column: TileColumn) => `
SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
  'type', 'Feature', 'properties', json_build_object('code', code, 'name', name),
  'geometry', ST_AsGeoJSON(coalesce(${column}, geom), 6)::json) ORDER BY code), '[]'::json)) AS collection
FROM region WHERE level = $1::text::"RegionLevel" AND geom IS NOT NULL`;
