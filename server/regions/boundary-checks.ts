import type { RegionLevel } from "../../domain/vocabulary.ts";
import type { Geometry, Position } from "geojson";
import type { InputProblem } from "../common/errors.ts";
import type { BoundaryFeature } from "./boundary-parsers.ts";
import type { OfficialRegency } from "./official-codes.ts";
import { levelOfCode, parentOfCode } from "../../domain/region-code.ts";

function* positions(geometry: Geometry): Generator<Position> {
  if (geometry.type === "Polygon") for (const ring of geometry.coordinates) yield* ring;
  else if (geometry.type === "MultiPolygon") for (const poly of geometry.coordinates) for (const ring of poly) yield* ring;
}

/** Why these coordinates cannot be WGS84 longitude/latitude, or null when they can. */
export function coordinateProblem(geometry: Geometry): string | null {
  for (const [x, y] of positions(geometry)) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return "has a coordinate that is not a number";
    if (Math.abs(x) > 180 || Math.abs(y) > 180) {
      return `has coordinate (${x}, ${y}), which looks like a projected CRS (metres); reproject the file to WGS84 longitude/latitude (EPSG:4326)`;
    }
    if (Math.abs(y) > 90) {
      return `has coordinate (${x}, ${y}) with a "latitude" beyond 90: the file is in latitude/longitude order; GeoJSON needs longitude first`;
    }
  }
  return null;
}

/** Indonesia's extent with a margin, in degrees: from Sabang to Merauke, Miangas to Rote. */
export const INDONESIA = { west: 94, east: 142, south: -12, north: 7 };

/** Why these longitude/latitude coordinates cannot be in Indonesia, or null when they all are. */
export function outsideIndonesia(geometry: Geometry): string | null {
  for (const [x, y] of positions(geometry)) {
    if (x < INDONESIA.west || x > INDONESIA.east || y < INDONESIA.south || y > INDONESIA.north)
      return `lies outside Indonesia: coordinate (${x}, ${y}) is beyond longitude ${INDONESIA.west} to ${INDONESIA.east}, latitude ${INDONESIA.south} to ${INDONESIA.north}`;
  }
  return null;
}

export interface CheckedBoundaries {
  level: RegionLevel;
  problems: InputProblem[];
  /** Codes whose shape and parent are right but which are not in the official list (renamed or split villages). */
  unlisted: string[];
}

/** Every check that needs no database: codes, duplicates, geometry type and coordinate order. */
export function checkBoundaries(features: BoundaryFeature[], official: OfficialRegency | null, level?: RegionLevel): CheckedBoundaries {
  const problems: InputProblem[] = [];
  const unlisted: string[] = [];
  const known = new Map<string, string>();
  if (official) for (const a of [official.regency, ...official.districts, ...official.villages]) known.set(a.code, a.name);
  const expected = level ?? levelOfCode(features.find((f) => levelOfCode(f.code))?.code ?? "") ?? "VILLAGE";
  const seen = new Map<string, number>();
  for (const f of features) {
    const at = { feature: f.code || `#${f.index}` };
    if (!f.code) {
      problems.push({ ...at, column: "code", reason: "has no code property (expected code, kode or KDEPUM)" });
      continue;
    }
    const lvl = levelOfCode(f.code);
    if (lvl !== expected) {
      problems.push({
        ...at,
        column: "code",
        value: f.code,
        reason: `is not a ${expected.toLowerCase()} code (expected the shape ${EXAMPLE[expected]})`,
      });
      continue;
    }
    if (!official || !f.code.startsWith(official.regency.code)) {
      problems.push({
        ...at,
        column: "code",
        value: f.code,
        reason: official
          ? `is outside regency ${official.regency.code} (${official.regency.name})`
          : "is not in the official Kemendagri code list",
      });
      continue;
    }
    if (!known.has(f.code)) {
      const parent = parentOfCode(f.code)!;
      if (expected === "VILLAGE" && known.has(parent)) unlisted.push(f.code);
      else {
        problems.push({ ...at, column: "code", value: f.code, reason: "is not in the official Kemendagri code list" });
        continue;
      }
    }
    const first = seen.get(f.code);
    if (first !== undefined) problems.push({ ...at, column: "code", value: f.code, reason: `is a duplicate of feature #${first}` });
    else seen.set(f.code, f.index);
    if (!f.geometry) problems.push({ ...at, column: "geometry", reason: "has no geometry" });
    else if (f.geometry.type !== "Polygon" && f.geometry.type !== "MultiPolygon") {
      problems.push({ ...at, column: "geometry", value: f.geometry.type, reason: "must be a Polygon or MultiPolygon" });
    } else {
      const reason = coordinateProblem(f.geometry) ?? outsideIndonesia(f.geometry);
      if (reason) problems.push({ ...at, column: "geometry", reason });
    }
  }
  return { level: expected, problems, unlisted };
}

const EXAMPLE: Record<RegionLevel, string> = {
  PROVINCE: "35",
  REGENCY: "35.26",
  DISTRICT: "35.26.01",
  VILLAGE: "35.26.01.1001",
};
