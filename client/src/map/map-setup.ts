// Imperative MapLibre set-up: map creation, sources, layers, district labels and data.
import * as maplibregl from "maplibre-gl";
import type { FilterSpecification, GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import type { CoverageNode, FertilizerPoint, RegionCollection } from "../types.ts";
import { isReliable, isSuppressed, metricValue } from "../types.ts";
import type { Metric } from "../url-state.ts";
import { classIndex, colorOf, SUPPRESSED_CLASS, SUPPRESSED_COLOR, type Classification } from "./classify.ts";
import { labelPoint } from "./geo.ts";
import { isInRegion } from "../../../domain/region-code.ts";
import {
  CHOROPLETH_LAYERS,
  DISTRICT_CONTEXT,
  DISTRICT_LABEL,
  DISTRICT_LABEL_SOURCE,
  DISTRICT_SOURCE,
  DISTRICT_NAMES_MIN_ZOOM,
  REGENCY_LABEL,
  REGENCY_LABEL_SOURCE,
  REGENCY_SOURCE,
  VILLAGE_FILL,
  FERTILIZER_SOURCE,
  HATCH_IMAGE,
  OFFLINE_STYLE,
  VILLAGE_SOURCE,
  VILLAGE_TILE_LAYER,
  hatchImage,
} from "./layers.ts";

maplibregl.setWorkerUrl(workerUrl);

export interface InitialView {
  center: [number, number];
  zoom: number;
}

export function createMap(
  container: HTMLElement,
  basemapUrl: string | null,
  view: InitialView | null,
  options: Pick<maplibregl.MapOptions, "pixelRatio" | "interactive"> = {},
): MapLibreMap {
  return new maplibregl.Map({
    ...options,
    container,
    style: basemapUrl ?? OFFLINE_STYLE,
    center: view?.center ?? [112.93, -7.05],
    zoom: view?.zoom ?? 9,
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    dragRotate: false,
    pitchWithRotate: false,
  });
}

/** MapLibre's own zoom buttons and metric scale bar. */
export function addMapControls(map: MapLibreMap): void {
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
  map.addControl(new maplibregl.ScaleControl({ unit: "metric", maxWidth: 120 }), "bottom-left");
}

/** The zoom buttons' names in the UI language (MapLibre's are English). */
export function labelMapControls(map: MapLibreMap, labels: { zoomIn: string; zoomOut: string }): void {
  for (const [cls, label] of [
    ["maplibregl-ctrl-zoom-in", labels.zoomIn],
    ["maplibregl-ctrl-zoom-out", labels.zoomOut],
  ] as const) {
    const button = map.getContainer().querySelector(`.${cls}`);
    button?.setAttribute("title", label);
    button?.setAttribute("aria-label", label);
  }
}

const EMPTY: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: [] };
const EMPTY_REGIONS: RegionCollection = { type: "FeatureCollection", features: [] };

/**
 * The boundaries drawn over the villages; `regencies` empty (or absent) for one regency.
 * `villageTiles`: the URL template of the village vector tiles (the main map; values then join by
 * code as feature state); absent: a GeoJSON source whose features carry their values.
 */
export interface Boundaries {
  districts: RegionCollection;
  regencies?: RegionCollection | null;
  villageTiles?: string | null;
}

/**
 * The choropleth's sources and layers. `names`: the district and regency names' symbol layers (the
 * map sheets write the names themselves, in their own type).
 */
export function addChoroplethLayers(map: MapLibreMap, boundaries: Boundaries, overBasemap: boolean, names = true): void {
  const { districts } = boundaries;
  const regencies = boundaries.regencies ?? EMPTY_REGIONS;
  if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage());
  const tiles = boundaries.villageTiles;
  if (tiles) map.addSource(VILLAGE_SOURCE, { type: "vector", tiles: [tiles], maxzoom: 14, promoteId: "code" });
  else map.addSource(VILLAGE_SOURCE, { type: "geojson", data: EMPTY, promoteId: "code" });
  map.addSource(DISTRICT_SOURCE, { type: "geojson", data: districts });
  map.addSource(DISTRICT_LABEL_SOURCE, { type: "geojson", data: labelPoints(districts) });
  map.addSource(REGENCY_SOURCE, { type: "geojson", data: regencies });
  map.addSource(REGENCY_LABEL_SOURCE, { type: "geojson", data: labelPoints(regencies) });
  map.addSource(FERTILIZER_SOURCE, { type: "geojson", data: EMPTY });
  for (const layer of CHOROPLETH_LAYERS) {
    map.addLayer(tiles && layer.source === VILLAGE_SOURCE ? { ...layer, "source-layer": VILLAGE_TILE_LAYER } : layer);
  }
  // Several regencies: their names first, the districts' once zoomed in.
  if (regencies.features.length) map.setLayerZoomRange(DISTRICT_LABEL.id, DISTRICT_NAMES_MIN_ZOOM, 24);
  if (!names) for (const id of [DISTRICT_LABEL.id, REGENCY_LABEL.id]) map.setLayoutProperty(id, "visibility", "none");
  // Let a basemap show through a little; offline the fill stays opaque so its pixels are exact.
  if (overBasemap) map.setPaintProperty(VILLAGE_FILL.id, "fill-opacity", 0.8);
}

export interface TextMarker {
  text: string;
  at: [number, number];
  className: string;
  code?: string;
}

/** Text as HTML markers: the offline style has no glyphs for symbol layers. */
export function addTextMarkers(map: MapLibreMap, markers: readonly TextMarker[]): maplibregl.Marker[] {
  return markers.map((m) => {
    const el = document.createElement("div");
    el.className = m.className;
    el.textContent = m.text;
    el.setAttribute("aria-hidden", "true");
    if (m.code) el.dataset.code = m.code;
    return new maplibregl.Marker({ element: el }).setLngLat(m.at).addTo(map);
  });
}

/** District names at a point inside each district. */
export function districtLabels(districts: RegionCollection): TextMarker[] {
  return districts.features.map((f) => ({ text: f.properties.name, at: labelPoint(f.geometry), className: "district-label" }));
}

/** Where the regions' names go, for the symbol layers. */
export function labelPoints(regions: RegionCollection): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: "FeatureCollection",
    features: regions.features.map((f) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: labelPoint(f.geometry) },
      properties: { code: f.properties.code, name: f.properties.name },
    })),
  };
}

/**
 * Grey out the districts outside the region viewed (none when it holds them all; null: the nation);
 * from vector tiles, draw only the villages inside it (a GeoJSON source holds only those).
 */
export function showRegion(map: MapLibreMap, districts: RegionCollection, region: string | null): void {
  const outside = region
    ? districts.features.map((f) => f.properties.code).filter((code) => !isInRegion(code, region) && !isInRegion(region, code))
    : [];
  map.setFilter(DISTRICT_CONTEXT.id, ["in", ["get", "code"], ["literal", outside]]);
  showVillagesIn(map, region);
}

/** From vector tiles, draw only the villages inside the region (null: the nation, all of them); GeoJSON holds only those already. */
export function showVillagesIn(map: MapLibreMap, region: string | null): void {
  if (!fromTiles(map)) return;
  const inside: FilterSpecification | null = region ? ["==", ["slice", ["get", "code"], 0, region.length + 1], `${region}.`] : null;
  for (const layer of CHOROPLETH_LAYERS) if (layer.source === VILLAGE_SOURCE) map.setFilter(layer.id, inside);
}

/** The villages come from vector tiles (their values are feature state). */
export const fromTiles = (map: MapLibreMap): boolean => map.getSource(VILLAGE_SOURCE)?.type === "vector";

/** Where a village's feature state lives. */
export const villageFeature = (map: MapLibreMap, code: string) =>
  fromTiles(map) ? { source: VILLAGE_SOURCE, sourceLayer: VILLAGE_TILE_LAYER, id: code } : { source: VILLAGE_SOURCE, id: code };

export interface VillageValue {
  value: number | null;
  cls: number;
  color: string;
  reliable: boolean;
}

/** What the map shows of a village: the metric's value, its class and colour, whether it is reliable. */
export function villageValue(node: CoverageNode | undefined, metric: Metric, c: Classification): VillageValue {
  const value = metricValue(node, metric);
  if (isSuppressed(node, metric)) return { value: null, cls: SUPPRESSED_CLASS, color: SUPPRESSED_COLOR, reliable: true };
  return { value, cls: classIndex(value, c.edges), color: colorOf(value, c), reliable: isReliable(node) };
}

/**
 * The values joined to the village tiles by code, as feature state; villages shown before and not
 * in `nodes` now go back to "no data". Returns the codes now set, for the next call.
 */
export function setVillageStates(
  map: MapLibreMap,
  nodes: ReadonlyMap<string, CoverageNode>,
  metric: Metric,
  c: Classification,
  before: ReadonlySet<string>,
): Set<string> {
  for (const code of before) if (!nodes.has(code)) map.setFeatureState(villageFeature(map, code), villageValue(undefined, metric, c));
  for (const [code, node] of nodes) map.setFeatureState(villageFeature(map, code), villageValue(node, metric, c));
  return new Set(nodes.keys());
}

/** Resolves once the map has drawn what it was given (it went idle). */
export async function repainted(map: MapLibreMap): Promise<void> {
  map.triggerRepaint();
  await map.once("idle");
}

/**
 * The village polygons with the metric value, its class and colour as properties; `region`: only
 * the villages inside it (the others are not drawn).
 */
export function villageData(
  villages: RegionCollection,
  nodes: ReadonlyMap<string, CoverageNode>,
  metric: Metric,
  c: Classification,
  region: string | null = null,
): GeoJSON.FeatureCollection {
  const shown = region ? villages.features.filter((f) => isInRegion(f.properties.code, region)) : villages.features;
  return {
    type: "FeatureCollection",
    features: shown.map((f) => {
      const node = nodes.get(f.properties.code);
      return {
        type: "Feature",
        geometry: f.geometry,
        properties: {
          code: f.properties.code,
          name: f.properties.name,
          district: node?.parentName ?? "",
          ...villageValue(node, metric, c),
        },
      };
    }),
  };
}

/** Resolves once the new data is drawn (the worker took it and the map went idle). */
export async function setVillageData(map: MapLibreMap, data: GeoJSON.FeatureCollection): Promise<void> {
  await map.getSource<GeoJSONSource>(VILLAGE_SOURCE)?.setData(data);
  await repainted(map);
}

export function setFertilizerPoints(map: MapLibreMap, points: readonly FertilizerPoint[], visible: boolean): void {
  map.getSource<GeoJSONSource>(FERTILIZER_SOURCE)?.setData({
    type: "FeatureCollection",
    features: points.map((p) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [p.lon, p.lat] },
      properties: { code: p.code, name: p.name, kind: p.kind },
    })),
  });
  map.setLayoutProperty("fertilizer-points", "visibility", visible ? "visible" : "none");
}
