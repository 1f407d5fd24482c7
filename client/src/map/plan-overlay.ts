// The outreach plan on the coverage map: its source and layers, the site numbers, and the data.
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import type { PlanOverlay } from "../planner/plan-overlay-data.ts";
import { PLAN_LAYERS, PLAN_SOURCE } from "./layers.ts";
import { addTextMarkers } from "./map-setup.ts";

export function addPlanLayers(map: MapLibreMap): void {
  map.addSource(PLAN_SOURCE, { type: "geojson", data: { type: "FeatureCollection", features: [] } });
  for (const layer of PLAN_LAYERS) map.addLayer(layer);
}

/**
 * Draws a plan (null clears it). Once drawn, `element` gets data-plan-sites = the number of sites,
 * which the browser tests wait for. Returns what removes the site numbers again.
 */
export function showPlan(map: MapLibreMap, overlay: PlanOverlay | null, element: HTMLElement): () => void {
  let current = true;
  element.removeAttribute("data-plan-sites");
  const markers = addTextMarkers(
    map,
    (overlay?.sites ?? []).map((s) => ({
      text: String(s.order),
      at: s.at,
      className: "plan-site-number",
      code: s.code,
    })),
  );
  void (async () => {
    await map.getSource<GeoJSONSource>(PLAN_SOURCE)?.setData(overlay?.data ?? { type: "FeatureCollection", features: [] });
    map.triggerRepaint();
    await map.once("idle");
    if (current) element.dataset.planSites = String(overlay?.sites.length ?? 0);
  })().catch(() => undefined);
  return () => {
    current = false;
    markers.forEach((m) => m.remove());
  };
}
