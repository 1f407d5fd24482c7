import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Map as MapLibreMap, MapLayerMouseEvent } from "maplibre-gl";
import type { CoverageNode, FertilizerPoint, RegionCollection } from "../types.ts";
import type { Lang, Metric } from "../url-state.ts";
import type { Classification } from "./classify.ts";
import { bboxOf } from "./geo.ts";
import { DISTRICT_CONTEXT, DISTRICT_LABEL, REGENCY_LABEL, VILLAGE_FILL, VILLAGE_SOURCE } from "./layers.ts";
import {
  addMapControls,
  labelMapControls,
  addChoroplethLayers,
  createMap,
  fromTiles,
  repainted,
  setFertilizerPoints,
  setVillageStates,
  villageFeature,
  setVillageData,
  showRegion,
  villageData,
  type InitialView,
} from "./map-setup.ts";
import { ancestorAt, isInRegion, levelOfCode } from "../../../domain/region-code.ts";
import { MapTooltip } from "./map-tooltip.tsx";
import { addPlanLayers, showPlan } from "./plan-overlay.ts";
import type { PlanOverlay } from "../planner/plan-overlay-data.ts";
import { markPainted, markPending } from "./test-hook.ts";

export interface CoverageMapProps {
  villages: RegionCollection;
  districts: RegionCollection;
  /** The regencies when the data holds several (their lines and names are drawn), else null. */
  regencies?: RegionCollection | null;
  /** The village vector tiles' URL template; the values join them by code. Absent: GeoJSON from `villages`. */
  villageTiles?: string | null;
  nodes: ReadonlyMap<string, CoverageNode>;
  metric: Metric;
  lang: Lang;
  classification: Classification;
  fertilizer: readonly FertilizerPoint[];
  showFertilizer: boolean;
  basemapUrl: string | null;
  initialView: InitialView | null;
  hovered: string | null;
  selected: string | null;
  /** Change `n` to fit the map to village `code`. */
  focus: { code: string; n: number } | null;
  /** The region viewed: only its villages are drawn, the map fits it when it changes; null: the nation. */
  region: string | null;
  caption?: string;
  /** An outreach plan drawn over the choropleth. */
  plan?: PlanOverlay | null;
  /** Only the main map reports to window.__cakupan and writes its camera to the URL. */
  primary: boolean;
  onHover(code: string | null): void;
  onSelect(code: string): void;
  /** A region's name, or a place outside the region viewed, clicked: move there. */
  onRegion(code: string): void;
  onMove?(center: [number, number], zoom: number): void;
  onMap?(map: MapLibreMap | null): void;
}

interface Hover {
  code: string;
  x: number;
  y: number;
}

export function CoverageMap(props: CoverageMapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [loaded, setLoaded] = useState(false);
  const [tip, setTip] = useState<Hover | null>(null);

  useEffect(() => {
    const { basemapUrl, initialView, districts, regencies, villages, villageTiles } = latest.current;
    const map = createMap(container.current!, basemapUrl, initialView);
    mapRef.current = map;
    addMapControls(map);
    map.on("load", () => {
      addChoroplethLayers(map, { districts, regencies, villageTiles }, basemapUrl != null);
      addPlanLayers(map);
      if (!initialView) {
        const b = extentOf(villages, districts, latest.current.region);
        if (b) map.fitBounds(b, { padding: 24, animate: false });
      }
      setLoaded(true);
      latest.current.onMap?.(map);
    });
    map.on("mousemove", VILLAGE_FILL.id, (e: MapLayerMouseEvent) => {
      const code = e.features?.[0]?.properties?.code as string | undefined;
      if (!code) return;
      map.getCanvas().style.cursor = "pointer";
      setTip({ code, x: e.point.x, y: e.point.y });
      latest.current.onHover(code);
    });
    map.on("mouseleave", VILLAGE_FILL.id, () => {
      map.getCanvas().style.cursor = "";
      setTip(null);
      latest.current.onHover(null);
    });
    const moves = [REGENCY_LABEL.id, DISTRICT_LABEL.id, DISTRICT_CONTEXT.id];
    for (const layer of moves) {
      map.on("mouseenter", layer, () => (map.getCanvas().style.cursor = "pointer"));
      map.on("mouseleave", layer, () => (map.getCanvas().style.cursor = ""));
    }
    // A region's name moves into it, a greyed-out place to its region at the level viewed (the
    // district beside, the regency beside); otherwise a village is picked.
    map.on("click", (e) => {
      const [hit] = map.queryRenderedFeatures(e.point, { layers: moves });
      if (hit) {
        const code = String(hit.properties.code);
        const level = latest.current.region ? levelOfCode(latest.current.region) : null;
        const beside = hit.layer.id === DISTRICT_CONTEXT.id && level ? ancestorAt(code, level) : null;
        return latest.current.onRegion(beside ?? code);
      }
      const code = map.queryRenderedFeatures(e.point, { layers: [VILLAGE_FILL.id] })[0]?.properties?.code as string | undefined;
      if (code) latest.current.onSelect(code);
    });
    map.on("moveend", () => {
      const c = map.getCenter();
      container.current?.setAttribute("data-center", `${c.lng.toFixed(5)},${c.lat.toFixed(5)},${map.getZoom().toFixed(2)}`);
      latest.current.onMove?.([c.lng, c.lat], map.getZoom());
    });
    return () => {
      latest.current.onMap?.(null);
      map.remove();
      mapRef.current = null;
    };
  }, []);

  const { villages, nodes, metric, classification, primary, region } = props;
  const stated = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map || nodes.size === 0) return;
    let current = true;
    if (primary) markPending(map);
    const drawn = fromTiles(map)
      ? ((stated.current = setVillageStates(map, nodes, metric, classification, stated.current)), repainted(map))
      : setVillageData(map, villageData(villages, nodes, metric, classification, region));
    drawn
      .then(() => {
        if (current && primary) markPainted(map);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [loaded, villages, nodes, metric, classification, primary, region]);

  // A move to another region: the others grey, the map fits the region (not on the first load,
  // which fitted it already or restored the camera of a shared link).
  const { districts } = props;
  const shownRegion = useRef(region);
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map) return;
    showRegion(map, districts, region);
    if (shownRegion.current === region) return;
    shownRegion.current = region;
    const b = extentOf(villages, districts, region);
    map.resize();
    if (b) map.fitBounds(b, { padding: 32, duration: 600 });
  }, [loaded, region, villages, districts]);

  const { fertilizer, showFertilizer } = props;
  useEffect(() => {
    if (loaded && mapRef.current) setFertilizerPoints(mapRef.current, fertilizer, showFertilizer);
  }, [loaded, fertilizer, showFertilizer]);

  const { plan } = props;
  useEffect(() => {
    if (loaded && mapRef.current && container.current) return showPlan(mapRef.current, plan ?? null, container.current);
  }, [loaded, plan]);

  useFeatureFlag(mapRef.current, loaded, "hover", props.hovered);
  useFeatureFlag(mapRef.current, loaded, "selected", props.selected);

  useEffect(() => {
    if (mapRef.current) labelMapControls(mapRef.current, { zoomIn: t("zoomIn"), zoomOut: t("zoomOut") });
  }, [t, props.lang]);

  // A picked village is shown within its district, so the place keeps its context; the village
  // itself carries the selection outline.
  const { focus } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!loaded || !map || !focus) return;
    const district = districts.features.find((f) => focus.code === f.properties.code || focus.code.startsWith(`${f.properties.code}.`));
    const village = villages.features.find((f) => f.properties.code === focus.code);
    const b = bboxOf(district ? [district] : village ? [village] : []);
    map.resize(); // the village panel opening in the same render narrows the map
    if (b) map.fitBounds(b, { padding: 40, maxZoom: 12, duration: 600 });
  }, [loaded, focus, villages, districts]);

  const tipNode = tip ? nodes.get(tip.code) : undefined;
  const tipName = tip ? villages.features.find((f) => f.properties.code === tip.code)?.properties.name : undefined;
  return (
    <div className="map-frame">
      {props.caption && <div className="map-caption">{props.caption}</div>}
      <div ref={container} className="map" role="region" aria-label={t("mapLabel")} data-loaded={loaded} />
      {tip && (
        <MapTooltip x={tip.x} y={tip.y} name={tipNode?.name ?? tipName ?? tip.code} node={tipNode} metric={metric} lang={props.lang} />
      )}
    </div>
  );
}

/** The region's extent: its villages', or its districts' where the villages' boundaries were not asked for (see villageGeometryScope). */
const extentOf = (villages: RegionCollection, districts: RegionCollection, region: string | null) =>
  bboxOf(inRegion(villages, region)) ?? bboxOf(inRegion(districts, region));

/** The regions inside the region (all for the nation). */
function inRegion(regions: RegionCollection, region: string | null) {
  return region ? regions.features.filter((f) => isInRegion(f.properties.code, region)) : regions.features;
}

/** Mirror one selected code into a boolean feature-state flag. */
function useFeatureFlag(map: MapLibreMap | null, loaded: boolean, flag: "hover" | "selected", code: string | null) {
  useEffect(() => {
    if (!map || !loaded || !code) return;
    const target = villageFeature(map, code);
    map.setFeatureState(target, { [flag]: true });
    return () => {
      if (map.getSource(VILLAGE_SOURCE)) map.setFeatureState(target, { [flag]: false });
    };
  }, [map, loaded, flag, code]);
}
