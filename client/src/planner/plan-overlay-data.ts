// What the map draws for a plan: numbered sites, their travel-radius circles, the villages each
// reaches and the villages left out, as GeoJSON features on one source told apart by `role`.
import circle from "@turf/circle";
import type { RegionCollection } from "../types.ts";
import type { OutreachPlanResult } from "./plan-queries.ts";
import type { PlanTileRole } from "../map/layers.ts";

export type PlanRole = "site" | "reach" | "reached" | "left-out";

export interface PlanOverlay {
  data: GeoJSON.FeatureCollection<GeoJSON.Geometry, { role: PlanRole; order: number | null; code: string }>;
  /** Site numbers and where they go. */
  sites: { order: number; at: [number, number]; code: string }[];
  /** The plan's villages whose boundaries `villages` lacks, by role: the map draws them on its village tiles (see PLAN_REACHED_TILES). */
  onTiles: [code: string, role: PlanTileRole][];
}

export function planOverlayData(plan: OutreachPlanResult, villages: RegionCollection): PlanOverlay {
  const geometry = new Map(villages.features.map((f) => [f.properties.code, f.geometry]));
  const features: PlanOverlay["data"]["features"] = [];
  const onTiles: PlanOverlay["onTiles"] = [];
  const radiusKm = plan.parameters.maxDistanceKm;
  for (const site of plan.sites) {
    const at: [number, number] = [site.lon, site.lat];
    features.push({
      ...circle(at, radiusKm, { steps: 64, units: "kilometers" }),
      properties: { role: "reach", order: site.order, code: site.code },
    });
    for (const v of site.villages) {
      const g = geometry.get(v.code);
      if (g) features.push({ type: "Feature", geometry: g, properties: { role: "reached", order: site.order, code: v.code } });
      else onTiles.push([v.code, "reached"]);
    }
  }
  for (const v of plan.villagesLeftOut) {
    const g = geometry.get(v.code);
    if (g) features.push({ type: "Feature", geometry: g, properties: { role: "left-out", order: null, code: v.code } });
    else onTiles.push([v.code, "left-out"]);
  }
  // Sites last, so they draw above the circles of later sites in the same layer order.
  for (const site of plan.sites) {
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: [site.lon, site.lat] },
      properties: { role: "site", order: site.order, code: site.code },
    });
  }
  return {
    data: { type: "FeatureCollection", features },
    sites: plan.sites.map((s) => ({ order: s.order, at: [s.lon, s.lat], code: s.code })),
    onTiles,
  };
}
