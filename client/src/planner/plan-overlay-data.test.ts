import { describe, expect, it } from "vitest";
import type { RegionCollection } from "../types.ts";
import { planOverlayData } from "./plan-overlay-data.ts";
import type { OutreachPlanResult, PlanSite, PlanVillage } from "./plan-queries.ts";

const square = (x: number, y: number): GeoJSON.Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y + 0.01],
      [x, y],
    ],
  ],
});
const villages: RegionCollection = {
  type: "FeatureCollection",
  features: ["A", "B", "C", "D"].map((code, i) => ({
    type: "Feature",
    geometry: square(112.7 + i * 0.02, -7.0),
    properties: { code, name: code },
  })),
};
const village = (code: string): PlanVillage => ({
  code,
  name: code,
  districtCode: "d",
  districtName: "D",
  uncovered: 10,
  distanceMeters: 100,
  expectedEnrollments: 2,
});
const site = (order: number, lon: number, reached: string[]): PlanSite => ({
  order,
  kind: "KIOSK",
  code: `K${order}`,
  name: `Kios ${order}`,
  villageCode: reached[0]!,
  villageName: "",
  districtName: "",
  lon,
  lat: -7.0,
  date: "2025-10-20",
  villages: reached.map(village),
  uncoveredReached: 10,
  expectedEnrollments: 2,
  premiumCost: 1,
  budgetLimited: false,
  cumulativeUncoveredReached: 10,
  cumulativeExpectedEnrollments: 2,
  cumulativeCost: 1,
  budgetRemaining: null,
});
const plan = {
  parameters: { maxDistanceKm: 3 },
  // 'Z' and 'Y' have no boundary loaded: they are left to the village tiles, not drawn somewhere wrong.
  sites: [site(1, 112.7, ["A", "B"]), site(2, 112.76, ["D", "Z"])],
  villagesLeftOut: [
    { ...village("C"), distanceMeters: null },
    { ...village("Y"), distanceMeters: null },
  ],
} as unknown as OutreachPlanResult;

/** Great-circle distance in km. */
function km([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2! - lat1!) * r) / 2) ** 2 + Math.cos(lat1! * r) * Math.cos(lat2! * r) * Math.sin(((lon2! - lon1!) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

describe("planOverlayData", () => {
  const { data, sites, onTiles } = planOverlayData(plan, villages);
  const byRole = (role: string) => data.features.filter((f) => f.properties.role === role);

  it("draws each site as a numbered point where it stands", () => {
    expect(byRole("site").map((f) => [f.properties.order, (f.geometry as GeoJSON.Point).coordinates])).toEqual([
      [1, [112.7, -7.0]],
      [2, [112.76, -7.0]],
    ]);
    expect(sites.map((s) => s.order)).toEqual([1, 2]);
  });

  it("draws a circle of the travel distance around each site", () => {
    const circles = byRole("reach");
    expect(circles.map((f) => f.properties.order)).toEqual([1, 2]);
    const ring = (circles[0]!.geometry as GeoJSON.Polygon).coordinates[0]!;
    expect(ring.length).toBeGreaterThan(32);
    for (const p of ring) expect(km([112.7, -7.0], p)).toBeCloseTo(3, 1);
  });

  it("highlights the villages each site reaches and marks those left out, with their boundaries", () => {
    expect(byRole("reached").map((f) => [f.properties.code, f.properties.order])).toEqual([
      ["A", 1],
      ["B", 1],
      ["D", 2],
    ]);
    expect(byRole("left-out").map((f) => f.properties.code)).toEqual(["C"]);
    expect(byRole("reached")[0]!.geometry).toEqual(villages.features[0]!.geometry);
  });

  it("leaves the villages whose boundaries are not held to the tiles, each with its role", () => {
    expect(onTiles).toEqual([
      ["Z", "reached"],
      ["Y", "left-out"],
    ]);
  });
});
