import { describe, expect, it } from "vitest";
import type { DatasetInfo, Geometries } from "../app-queries.ts";
import type { RegionCollection } from "../types.ts";
import { regionNames } from "./region-names.ts";

const collection = (...regions: [string, string][]): RegionCollection => ({
  type: "FeatureCollection",
  features: regions.map(([code, name]) => ({
    type: "Feature",
    geometry: { type: "Polygon", coordinates: [] },
    properties: { code, name },
  })),
});

describe("regionNames", () => {
  it("names the provinces and regencies loaded, the root, and the districts and villages on the map", () => {
    const dataset = {
      root: { code: "35", name: "Jawa Timur", level: "PROVINCE" },
      provinces: [{ code: "35", name: "Jawa Timur" }],
      regencies: [
        { code: "35.26", name: "Bangkalan" },
        { code: "35.79", name: "Kota Batu" },
      ],
    } as Partial<DatasetInfo> as DatasetInfo;
    const geo: Partial<Geometries> = {
      districts: collection(["35.26.01", "Kamal"]),
      villages: collection(["35.26.01.2001", "Banyu Ajuh"]),
      regencies: collection(["35.26", "BANGKALAN (geometry)"]),
    };
    const names = regionNames(dataset, geo);
    expect(Object.fromEntries(names)).toEqual({
      "35": "Jawa Timur",
      "35.26": "Bangkalan",
      "35.79": "Kota Batu",
      "35.26.01": "Kamal",
      "35.26.01.2001": "Banyu Ajuh",
    });
  });
  it("knows nothing before the dataset and the geometry are loaded", () => {
    expect(regionNames(undefined, undefined).size).toBe(0);
  });
});
