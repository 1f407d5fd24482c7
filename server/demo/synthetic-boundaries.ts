import type { Polygon } from "geojson";
import type { BoundaryFeature } from "../regions/boundary-parsers.ts";
import type { OfficialRegency } from "../regions/official-codes.ts";

const CELL = 0.02; // degrees, about 2.2 km: a village of about 5 km2

/**
 * Generated village boundaries for when no real boundary can be had (offline): each district a
 * block of square villages, blocks side by side. Always labelled synthetic in logs and UI.
 */
export function syntheticBoundaries(official: OfficialRegency, origin: [number, number] = [112.75, -6.95]): BoundaryFeature[] {
  const side = Math.ceil(
    Math.sqrt(Math.max(...official.districts.map((d) => official.villages.filter((v) => v.parentCode === d.code).length), 1)),
  );
  const perRow = Math.ceil(Math.sqrt(official.districts.length));
  const features: BoundaryFeature[] = [];
  official.districts.forEach((district, di) => {
    const bx = origin[0] + (di % perRow) * side * CELL;
    const by = origin[1] - Math.floor(di / perRow) * side * CELL;
    official.villages
      .filter((v) => v.parentCode === district.code)
      .forEach((village, vi) => {
        const x = bx + (vi % side) * CELL;
        const y = by - Math.floor(vi / side) * CELL;
        const ring = [
          [x, y],
          [x + CELL, y],
          [x + CELL, y - CELL],
          [x, y - CELL],
          [x, y],
        ];
        const geometry: Polygon = { type: "Polygon", coordinates: [ring.map(([a, b]) => [Number(a.toFixed(6)), Number(b.toFixed(6))])] };
        features.push({ code: village.code, name: village.name, geometry, index: features.length + 1 });
      });
  });
  return features;
}
