import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import * as shapefile from "shapefile";
import { strFromU8, Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from "fflate";
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
    return {
      code: pick(feature.properties, CODE_KEYS),
      name: pick(feature.properties, NAME_KEYS),
      geometry: feature.geometry ?? null,
      index: i + 1,
    };
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
    else if (depth(path) === 4)
      geometry = { type: "MultiPolygon", coordinates: (path as Position[][][]).map((poly) => poly.map((ring) => ring.map(swap))) };
    else throw new ImportRejected(source, [{ feature: m[1], reason: "its path is neither a Polygon nor a MultiPolygon" }]);
    features.push({ code: m[1], name: m[2].replace(/''/g, "'"), geometry, index });
  }
  if (features.length === 0) throw new ImportRejected(source, [{ reason: "no ('code','name',lat,lng,'path') rows found" }]);
  return features;
}

/** A .prj declaring a projected CRS cannot be drawn as longitude/latitude: refuse it. */
function checkPrj(wkt: string | null, source: string): void {
  if (wkt && /PROJCS/i.test(wkt)) {
    throw new ImportRejected(source, [
      { reason: `the .prj declares a projected CRS (${wkt.slice(0, 60)}...); reproject it to WGS84 longitude/latitude (EPSG:4326)` },
    ]);
  }
}

/** An ESRI Shapefile held in memory: the .shp, its .dbf, and the .prj when there is one. */
export async function parseShapefileData(shp: Uint8Array, dbf: Uint8Array, prj: string | null, source: string): Promise<BoundaryFeature[]> {
  checkPrj(prj, source);
  let collection: unknown;
  try {
    collection = await shapefile.read(new Uint8Array(shp), new Uint8Array(dbf), { encoding: "utf-8" });
  } catch (error) {
    throw new ImportRejected(source, [{ reason: `cannot be read as a shapefile: ${(error as Error).message}` }]);
  }
  return parseGeoJson(JSON.stringify(collection), source);
}

/** ESRI Shapefile: the .shp with its .dbf beside it. */
export async function parseShapefile(shpPath: string, source: string): Promise<BoundaryFeature[]> {
  const dbf = shpPath.replace(/\.shp$/i, ".dbf");
  if (!existsSync(dbf)) throw new ImportRejected(source, [{ reason: `the attribute file ${dbf} is missing beside the .shp` }]);
  const prj = shpPath.replace(/\.shp$/i, ".prj");
  return parseShapefileData(await readFile(shpPath), await readFile(dbf), existsSync(prj) ? await readFile(prj, "utf8") : null, source);
}

/** GeoJSON or a wilayah_boundaries SQL dump, told apart by content. */
function parseText(text: string, source: string): BoundaryFeature[] {
  const body = text.replace(/^\uFEFF/, "");
  return body.trimStart().startsWith("{") ? parseGeoJson(body, source) : parseWilayahSql(body, source);
}

/** An uploaded file: its name (for messages and its extension) and its bytes. */
export interface UploadedFile {
  name: string;
  data: Uint8Array;
}

/** The most an uploaded .zip may expand to (its shapefile parts together). */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
const MB = 1024 * 1024;

/**
 * The entries of `zip` that `keep` names, inflated with the total capped at `max` bytes: refused
 * as soon as the sizes its directory declares pass the cap, or (when they lie) as soon as the
 * bytes inflated so far do, without inflating the rest.
 */
export function unzipCapped(zip: UploadedFile, keep: (name: string) => boolean, max = MAX_UNZIPPED_BYTES): UploadedFile[] {
  const tooLarge = (size: string) =>
    new ImportRejected(zip.name, [
      { reason: `expands to ${size} (at most ${max / MB} MB are unzipped); send a smaller area, or the .shp and .dbf unzipped` },
    ]);
  const listed: UnzipFileInfo[] = [];
  try {
    unzipSync(zip.data, { filter: (f) => (keep(f.name) && listed.push(f), false) }); // reads the directory, inflates nothing
  } catch (error) {
    throw new ImportRejected(zip.name, [{ reason: `is not a readable .zip: ${(error as Error).message}` }]);
  }
  const declared = listed.reduce((sum, f) => sum + f.originalSize, 0);
  if (declared > max) throw tooLarge(`${Math.round(declared / MB).toLocaleString("en")} MB`);
  const files = new Map<string, Uint8Array[]>();
  let total = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (!keep(file.name)) return;
    const chunks: Uint8Array[] = [];
    files.set(file.name, chunks);
    file.ondata = (error, chunk) => {
      if (error) failure ??= error;
      else if ((total += chunk.length) > max) file.terminate();
      else chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const STEP = 64 * 1024; // at most about 64 MB inflated per step (deflate's ratio is at most about 1:1032)
  for (let at = 0; at < zip.data.length && total <= max && !failure; at += STEP)
    unzip.push(zip.data.subarray(at, at + STEP), at + STEP >= zip.data.length);
  if (total > max) throw tooLarge(`more than ${max / MB} MB`);
  if (failure) throw new ImportRejected(zip.name, [{ reason: `is not a readable .zip: ${(failure as Error).message}` }]);
  return [...files].map(([name, chunks]) => ({ name, data: Buffer.concat(chunks) }));
}

/**
 * Boundaries from uploaded files: a shapefile as a .zip or as its .shp and .dbf (.prj optional),
 * or one GeoJSON or wilayah_boundaries SQL file.
 */
export async function readUploadedBoundaries(files: UploadedFile[], source: string): Promise<BoundaryFeature[]> {
  let parts = files;
  const zip = files.find((f) => /\.zip$/i.test(f.name));
  if (zip) {
    if (files.length > 1) throw new ImportRejected(source, [{ reason: "send a .zip alone, not with other files" }]);
    parts = unzipCapped(zip, (name) => /\.(shp|dbf|prj)$/i.test(name) && !/(^|\/)__MACOSX\//.test(name));
  }
  const shps = parts.filter((f) => /\.shp$/i.test(f.name));
  if (shps.length > 1)
    throw new ImportRejected(source, [
      { reason: `holds ${shps.length} .shp files (${shps.map((f) => f.name).join(", ")}); send one layer` },
    ]);
  if (shps.length === 1 || zip) {
    if (shps.length === 0) throw new ImportRejected(source, [{ reason: "the .zip holds no .shp file" }]);
    const stem = shps[0].name.replace(/\.shp$/i, "").toLowerCase();
    const beside = (ext: string) =>
      parts.find((f) => f.name.toLowerCase() === `${stem}.${ext}`) ?? parts.find((f) => f.name.toLowerCase().endsWith(`.${ext}`));
    const dbf = beside("dbf");
    if (!dbf) throw new ImportRejected(source, [{ reason: `the attribute file ${stem}.dbf is missing beside ${shps[0].name}` }]);
    const prj = beside("prj");
    return parseShapefileData(shps[0].data, dbf.data, prj ? strFromU8(prj.data) : null, source);
  }
  if (files.length !== 1)
    throw new ImportRejected(source, [
      { reason: `expected one GeoJSON or SQL file, or a shapefile (.zip, or .shp with .dbf); got ${files.map((f) => f.name).join(", ")}` },
    ]);
  return parseText(strFromU8(files[0].data), source);
}

/** Reads boundaries from a path or an http(s) URL, choosing the parser by extension or content. */
export async function readBoundaries(location: string): Promise<BoundaryFeature[]> {
  if (/^https?:\/\//.test(location)) {
    const response = await fetch(location, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) throw new ImportRejected(location, [{ reason: `download failed: HTTP ${response.status}` }]);
    return parseText(await response.text(), location);
  }
  if (!existsSync(location)) throw new ImportRejected(location, [{ reason: "no such file" }]);
  if (/\.shp$/i.test(location)) return parseShapefile(location, location);
  return parseText(await readFile(location, "utf8"), location);
}
