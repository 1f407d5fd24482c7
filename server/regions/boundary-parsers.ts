import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import * as shapefile from "shapefile";
import type { Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { ImportRejected } from "../common/errors.ts";

/** One boundary as read from a file, before any check. */
export interface BoundaryFeature {
  code: string;
  name: string;
  geometry: Geometry | null;
  /** 1-based position in the file, for messages. */
  index: number;
}

const CODE_KEYS = ["code", "kode", "kode_desa", "KDEPUM", "kdepum", "KODE", "id"];
const NAME_KEYS = ["name", "nama", "NAMOBJ", "WADMKD", "nama_desa", "NAMA"];

function pick(props: Record<string, unknown> | null | undefined, keys: string[]): string {
  for (const k of keys) {
    const v = props?.[k];
    if (v !== undefined && v !== null && String(v).trim() !== "") return String(v).trim();
  }
  return "";
}

/** GeoJSON FeatureCollection (or the GeoJSON a shapefile reads as). */
export function parseGeoJson(text: string, source: string): BoundaryFeature[] {
  let doc: { type?: string; features?: unknown[]; crs?: { properties?: { name?: string } } };
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ImportRejected(source, [{ reason: `not valid JSON: ${(error as Error).message}` }]);
  }
  if (doc?.type !== "FeatureCollection" || !Array.isArray(doc.features)) {
    throw new ImportRejected(source, [{ reason: "expected a GeoJSON FeatureCollection" }]);
  }
  const crs = doc.crs?.properties?.name;
  if (crs && !/(CRS84|4326)$/.test(crs)) {
    throw new ImportRejected(source, [{ reason: `the file declares CRS ${crs}; reproject it to WGS84 longitude/latitude (EPSG:4326)` }]);
  }
  return doc.features.map((f, i) => {
    const feature = f as { properties?: Record<string, unknown>; geometry?: Geometry | null };
    return { code: pick(feature.properties, CODE_KEYS), name: pick(feature.properties, NAME_KEYS), geometry: feature.geometry ?? null, index: i + 1 };
  });
}

const ROW = /\(\s*'([^']*)'\s*,\s*'((?:[^']|'')*)'\s*,\s*(-?[\d.eE+-]+)\s*,\s*(-?[\d.eE+-]+)\s*,\s*'(\[[^']*\])'\s*\)/g;

const swap = (p: Position): Position => [p[1], p[0]];

/** `wilayah_boundaries` SQL dump rows ('code','name',lat,lng,'[[[lat,lng],...]]'): latitude first, Polygon or MultiPolygon. */
export function parseWilayahSql(text: string, source: string): BoundaryFeature[] {
  const features: BoundaryFeature[] = [];
  for (const m of text.matchAll(ROW)) {
    const index = features.length + 1;
    let path: unknown;
    try {
      path = JSON.parse(m[5]);
    } catch {
      throw new ImportRejected(source, [{ feature: m[1], reason: "its path is not a valid coordinate array" }]);
    }
    const depth = (v: unknown): number => (Array.isArray(v) ? 1 + depth(v[0]) : 0);
    let geometry: Polygon | MultiPolygon;
    if (depth(path) === 3) geometry = { type: "Polygon", coordinates: (path as Position[][]).map((ring) => ring.map(swap)) };
    else if (depth(path) === 4) geometry = { type: "MultiPolygon", coordinates: (path as Position[][][]).map((poly) => poly.map((ring) => ring.map(swap))) };
    else throw new ImportRejected(source, [{ feature: m[1], reason: "its path is neither a Polygon nor a MultiPolygon" }]);
    features.push({ code: m[1], name: m[2].replace(/''/g, "'"), geometry, index });
  }
  if (features.length === 0) throw new ImportRejected(source, [{ reason: "no ('code','name',lat,lng,'path') rows found" }]);
  return features;
}

/** ESRI Shapefile: the .shp with its .dbf beside it. */
export async function parseShapefile(shpPath: string, source: string): Promise<BoundaryFeature[]> {
  const dbf = shpPath.replace(/\.shp$/i, ".dbf");
  if (!existsSync(dbf)) throw new ImportRejected(source, [{ reason: `the attribute file ${dbf} is missing beside the .shp` }]);
  const prj = shpPath.replace(/\.shp$/i, ".prj");
  if (existsSync(prj)) {
    const wkt = await readFile(prj, "utf8");
    if (/PROJCS/i.test(wkt)) {
      throw new ImportRejected(source, [{ reason: `the .prj declares a projected CRS (${wkt.slice(0, 60)}...); reproject it to WGS84 longitude/latitude (EPSG:4326)` }]);
    }
  }
  const collection = await shapefile.read(shpPath, dbf, { encoding: "utf-8" });
  return parseGeoJson(JSON.stringify(collection), source);
}

/** Reads boundaries from a path or an http(s) URL, choosing the parser by extension or content. */
export async function readBoundaries(location: string): Promise<BoundaryFeature[]> {
  if (/^https?:\/\//.test(location)) {
    const response = await fetch(location, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new ImportRejected(location, [{ reason: `download failed: HTTP ${response.status}` }]);
    const text = await response.text();
    return text.trimStart().startsWith("{") ? parseGeoJson(text, location) : parseWilayahSql(text, location);
  }
  if (!existsSync(location)) throw new ImportRejected(location, [{ reason: "no such file" }]);
  if (/\.shp$/i.test(location)) return parseShapefile(location, location);
  const text = await readFile(location, "utf8");
  if (/\.sql$/i.test(location) || !text.trimStart().startsWith("{")) return parseWilayahSql(text, location);
  return parseGeoJson(text, location);
}
