// The outreach plan on the coverage map: its source and layers, the site numbers, and the data.
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import type { PlanOverlay } from "../planner/plan-overlay-data.ts";
import { PLAN_LAYERS, PLAN_LEFT_OUT_TILES, PLAN_REACHED_TILES, PLAN_SOURCE, VILLAGE_SOURCE, VILLAGE_TILE_LAYER } from "./layers.ts";
import { addTextMarkers, fromTiles, villageFeature } from "./map-setup.ts";

/** The plan's source and layers, over the choropleth (added first); with village tiles, the layers drawing the plan on them too. */
export function addPlanLayers(map: MapLibreMap): void {
  map.addSource(PLAN_SOURCE, { type: "geojson", data: { type: "FeatureCollection", features: [] } });
  if (fromTiles(map))
    for (const layer of [PLAN_LEFT_OUT_TILES, PLAN_REACHED_TILES]) map.addLayer({ ...layer, "source-layer": VILLAGE_TILE_LAYER });
  for (const layer of PLAN_LAYERS) map.addLayer(layer);
}

/** Marks the plan's villages drawn on the tiles (`overlay.onTiles`) by their feature state; returns what unmarks them. */
export function setPlanStates(map: MapLibreMap, overlay: PlanOverlay | null): () => void {
  const marked = fromTiles(map) ? (overlay?.onTiles ?? []) : [];
  for (const [code, role] of marked) map.setFeatureState(villageFeature(map, code), { plan: role });
  return () => {
    if (map.getSource(VILLAGE_SOURCE)) for (const [code] of marked) map.removeFeatureState(villageFeature(map, code), "plan");
  };
}

/**
 * Draws a plan (null clears it). Once drawn, `element` gets data-plan-sites = the number of sites,
 * which the browser tests wait for. Returns what removes the site numbers again.
 */
export function showPlan(map: MapLibreMap, overlay: PlanOverlay | null, element: HTMLElement): () => void {
  let current = true;
  element.removeAttribute("data-plan-sites");
  const unmark = setPlanStates(map, overlay);
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
    unmark();
  };
}
