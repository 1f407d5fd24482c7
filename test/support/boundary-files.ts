import { existsSync, readFileSync } from "node:fs";
import type { FeatureCollection } from "geojson";
import shpwrite from "@mapbox/shp-write";
import type { BoundaryFeature } from "../../server/regions/boundary-parsers.ts";
import { parseGeoJson } from "../../server/regions/boundary-parsers.ts";
import { syntheticBoundaries } from "../../server/demo/synthetic-boundaries.ts";
import { officialRegency } from "../../server/regions/official-codes.ts";
import { SHARED_VILLAGES } from "./db.ts";

/** Bangkalan's 281 villages: the real boundaries from ../shared when present, else synthetic ones. */
export async function bangkalanVillages(): Promise<BoundaryFeature[]> {
  if (existsSync(SHARED_VILLAGES)) return parseGeoJson(readFileSync(SHARED_VILLAGES, "utf8"), "villages.geojson");
  return syntheticBoundaries((await officialRegency("35.26"))!);
}

export const toGeoJson = (features: BoundaryFeature[]): FeatureCollection => ({
  type: "FeatureCollection",
  features: features.map((f) => ({ type: "Feature", properties: { code: f.code, name: f.name }, geometry: f.geometry! })),
});

/** The features as a zipped ESRI shapefile (every geometry written as a MultiPolygon, one layer). */
export async function toShapefileZip(features: BoundaryFeature[]): Promise<Uint8Array> {
  const collection = toGeoJson(features);
  for (const f of collection.features)
    if (f.geometry.type === "Polygon") f.geometry = { type: "MultiPolygon", coordinates: [f.geometry.coordinates] };
  return (await shpwrite.zip(collection, { outputType: "uint8array", compression: "DEFLATE" } as never)) as Uint8Array;
}
