// Draw the choropleth off screen at print resolution, on a map of its own, and read it back.
import type { LngLatBoundsLike } from "maplibre-gl";
import type { Classification } from "../map/classify.ts";
import type { GeoJSONSource } from "maplibre-gl";
import {
  addChoroplethLayers,
  createMap,
  districtLabels,
  fromTiles,
  repainted,
  setVillageData,
  setVillageStates,
  showVillagesIn,
  villageData,
} from "../map/map-setup.ts";
import type { CoverageNode, RegionCollection } from "../types.ts";
import type { PlanOverlay } from "../planner/plan-overlay-data.ts";
import { addPlanLayers, setPlanStates } from "../map/plan-overlay.ts";
import { PLAN_SOURCE } from "../map/layers.ts";
import type { Metric } from "../url-state.ts";

export interface MapRenderInput {
  villages: RegionCollection;
  /**
   * The village vector tiles' URL template: when given, the villages are drawn from the tiles (their
   * values as feature state, only those inside `region`) and `villages` is not read.
   */
  villageTiles?: string | null;
  /** With `villageTiles`: the region whose villages are drawn; null or absent: all. */
  region?: string | null;
  districts: RegionCollection;
  nodes: ReadonlyMap<string, CoverageNode>;
  metric: Metric;
  classification: Classification;
  bounds: LngLatBoundsLike;
  /** Space kept around the bounds, in CSS pixels. */
  padding?: number;
  /** The planner's plan, drawn over the choropleth as on screen: sites, travel circles, reached and left-out villages. */
  plan?: PlanOverlay | null;
  /** Numbers to write at places on the map (the report's table rows on their villages). */
  marks?: readonly Mark[];
}

export interface Mark {
  text: string;
  at: [number, number];
}

export interface RenderedMap {
  /** The picture, width × pixelRatio by height × pixelRatio device pixels. */
  image: HTMLCanvasElement;
  /** Size in CSS pixels. */
  width: number;
  height: number;
  /** District names and where they go, in CSS pixels (the map draws them as HTML, not on its canvas). */
  labels: { text: string; x: number; y: number }[];
  /** The plan's site numbers and where they go, in CSS pixels (on screen they are HTML markers too). */
  sites: { text: string; x: number; y: number }[];
  /** The input's marks and where they go, in CSS pixels. */
  marks: { text: string; x: number; y: number }[];
  metersPerPixel: number;
}

export async function renderMap(input: MapRenderInput, width: number, height: number, pixelRatio: number): Promise<RenderedMap> {
  const container = document.createElement("div");
  Object.assign(container.style, { position: "fixed", left: "-20000px", top: "0", width: `${width}px`, height: `${height}px` });
  container.setAttribute("aria-hidden", "true");
  document.body.append(container);
  const map = createMap(container, null, null, { pixelRatio, interactive: false });
  try {
    await map.once("load");
    addChoroplethLayers(map, { districts: input.districts, villageTiles: input.villageTiles }, false, false);
    if (input.plan) {
      addPlanLayers(map);
      await map.getSource<GeoJSONSource>(PLAN_SOURCE)!.setData(input.plan.data);
      setPlanStates(map, input.plan);
    }
    map.fitBounds(input.bounds, { padding: input.padding ?? 0, animate: false });
    if (fromTiles(map)) {
      showVillagesIn(map, input.region ?? null);
      setVillageStates(map, input.nodes, input.metric, input.classification, new Set());
      await repainted(map); // idle: every tile in view loaded and drawn
    } else await setVillageData(map, villageData(input.villages, input.nodes, input.metric, input.classification));
    const source = map.getCanvas();
    const image = document.createElement("canvas");
    image.width = source.width;
    image.height = source.height;
    image.getContext("2d")!.drawImage(source, 0, 0);
    const inside = (l: { x: number; y: number }) => l.x > 0 && l.y > 0 && l.x < width && l.y < height;
    const labels = districtLabels(input.districts)
      .map((l) => ({ text: l.text, ...map.project(l.at) }))
      .filter(inside);
    const place = (marks: readonly Mark[]) => marks.map((m) => ({ text: m.text, ...map.project(m.at) })).filter(inside);
    const sites = place((input.plan?.sites ?? []).map((s) => ({ text: String(s.order), at: s.at })));
    const marks = place(input.marks ?? []);
    const y = height / 2;
    const metersPerPixel = map.unproject([0, y]).distanceTo(map.unproject([width, y])) / width;
    return { image, width, height, labels, sites, marks, metersPerPixel };
  } finally {
    map.remove();
    container.remove();
  }
}
