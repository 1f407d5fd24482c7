import { GeoJSONVT } from "@maplibre/geojson-vt";
import { fromGeojsonVt } from "@maplibre/vt-pbf";
import type { RegionLevel } from "../../domain/vocabulary.ts";
import type { Sql } from "../db/sql.ts";
import { PROBE_AS_MVT, levelFeatures, mvtQuery, type TileColumn } from "./tiles.sql.ts";

export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;

/** The layer a level's tile holds its regions in: the level in lower case ("village"). */
export const tileLayer = (level: RegionLevel) => level.toLowerCase();

/** Geometry detail for a zoom: coarse (about 150 m) to zoom 9, medium (about 40 m) to 11, as imported beyond. */
export const detailForZoom = (z: number): TileColumn => (z <= 9 ? "geom_low" : z <= 11 ? "geom_medium" : "geom");

/**
 * Vector tiles of region boundaries (code and name only). On a PostgreSQL server PostGIS makes each
 * tile (ST_AsMVT); embedded PGlite has no ST_AsMVT, so each level's medium-detail geometry is cut
 * into tiles in Node by geojson-vt (simplifying per zoom) and written by vt-pbf, the index kept per
 * data version.
 */
export class TileService {
  private mvt: Promise<boolean> | null = null;
  private readonly indexes = new Map<RegionLevel, { version: string; index: Promise<GeoJSONVT> }>();

  constructor(private readonly sql: Sql) {}

  /** Whether tiles come from PostGIS (ST_AsMVT) rather than from geojson-vt. */
  usesPostgis(): Promise<boolean> {
    this.mvt ??= this.sql.query(PROBE_AS_MVT).then(
      () => true,
      () => false,
    );
    return this.mvt;
  }

  async tile(level: RegionLevel, z: number, x: number, y: number, version: string): Promise<Uint8Array> {
    if (await this.usesPostgis()) {
      const [row] = await this.sql.query<{ tile: Uint8Array | null }>(mvtQuery(detailForZoom(z)), [z, x, y, level, tileLayer(level)]);
      return row?.tile ?? new Uint8Array();
    }
    const tile = (await this.index(level, version)).getTile(z, x, y);
    return tile ? fromGeojsonVt({ [tileLayer(level)]: tile }, { version: 2, extent: TILE_EXTENT }) : new Uint8Array();
  }

  private index(level: RegionLevel, version: string): Promise<GeoJSONVT> {
    const cached = this.indexes.get(level);
    if (cached?.version === version) return cached.index;
    const index = this.sql
      .query<{ collection: GeoJSON.FeatureCollection }>(levelFeatures("geom_medium"), [level])
      .then(([row]) => new GeoJSONVT(row.collection, { maxZoom: 14, indexMaxZoom: 5, extent: TILE_EXTENT, buffer: TILE_BUFFER }));
    this.indexes.set(level, { version, index });
    index.catch(() => this.indexes.delete(level));
    return index;
  }
}
