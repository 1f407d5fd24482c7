// Layer specifications of the choropleth, with fixed ids that the tests and the code query.
import type { AddLayerObject, ExpressionSpecification, StyleSpecification } from "maplibre-gl";
import { NO_DATA_COLOR } from "./classify.ts";

type Layer<T extends string> = Extract<AddLayerObject, { type: T; source: string }>;

export const VILLAGE_SOURCE = "villages";
/** The layer of the village vector tiles (`/tiles/village/{z}/{x}/{y}.pbf`: code and name only). */
export const VILLAGE_TILE_LAYER = "village";
export const DISTRICT_SOURCE = "districts";
/** One point per district, where its name goes. */
export const DISTRICT_LABEL_SOURCE = "district-label-points";
/** Regencies, when the data holds more than one (else empty). */
export const REGENCY_SOURCE = "regencies";
export const REGENCY_LABEL_SOURCE = "regency-label-points";
/** With several regencies on the map, district names from this zoom (a regency fills much of the screen). */
export const DISTRICT_NAMES_MIN_ZOOM = 8.5;
export const FERTILIZER_SOURCE = "fertilizer-points";
export const HATCH_IMAGE = "no-data-hatch";

/**
 * Districts outside the region viewed: pale grey, their villages not drawn (a click on one moves
 * there). The filter lists their codes (none while the whole root region is viewed).
 */
export const DISTRICT_CONTEXT = {
  id: "district-context",
  type: "fill",
  source: DISTRICT_SOURCE,
  filter: ["in", ["get", "code"], ["literal", []]],
  paint: { "fill-color": "#cfd8dc", "fill-opacity": 1 },
} satisfies Layer<"fill">;

/**
 * A village's value, class, colour and reliability: its feature state on the main map (the values
 * joined by code to the vector tiles, which carry code and name only), its properties in a GeoJSON
 * source (the map sheets, the presentation).
 */
const villageValue = (key: "color" | "cls" | "reliable"): ExpressionSpecification => ["coalesce", ["feature-state", key], ["get", key]];

export const VILLAGE_FILL = {
  id: "village-fill",
  type: "fill",
  source: VILLAGE_SOURCE,
  paint: {
    "fill-color": ["coalesce", villageValue("color"), NO_DATA_COLOR],
    "fill-opacity": 1,
  },
} satisfies Layer<"fill">;

export const VILLAGE_NO_DATA = {
  id: "village-no-data",
  type: "fill",
  source: VILLAGE_SOURCE,
  paint: { "fill-pattern": HATCH_IMAGE, "fill-opacity": ["case", ["==", villageValue("cls"), -1], 1, 0] },
} satisfies Layer<"fill">;

export const VILLAGE_OUTLINE = {
  id: "village-outline",
  type: "line",
  source: VILLAGE_SOURCE,
  // Far out (a province) the villages are a few pixels: outlines would hide their colours.
  paint: { "line-color": "#ffffff", "line-width": 0.5, "line-opacity": ["interpolate", ["linear"], ["zoom"], 8, 0, 9.5, 0.8] },
} satisfies Layer<"line">;

export const VILLAGE_UNRELIABLE = {
  id: "village-unreliable",
  type: "line",
  source: VILLAGE_SOURCE,
  paint: {
    "line-color": "#37474f",
    "line-width": 0.9,
    "line-opacity": ["case", ["==", villageValue("reliable"), false], 0.75, 0],
    "line-dasharray": [2, 2],
  },
} satisfies Layer<"line">;

export const DISTRICT_LINE = {
  id: "district-line",
  type: "line",
  source: DISTRICT_SOURCE,
  paint: { "line-color": "#263238", "line-width": ["interpolate", ["linear"], ["zoom"], 7, 0.4, 9.5, 1.6] },
} satisfies Layer<"line">;

/**
 * A layer of region names, placed by MapLibre's collision detection so they never overlap (a name
 * that does not fit is left out until the zoom makes room). No glyphs URL: MapLibre draws the
 * letters with local fonts. `size` in pixels; larger regions get larger, capitalised, spaced names.
 */
function nameLayer<Id extends string>(id: Id, source: string, size: number, large: boolean) {
  return {
    id,
    type: "symbol",
    source,
    layout: {
      "text-field": ["get", "name"],
      "text-font": ["sans-serif"],
      "text-size": size,
      "text-max-width": large ? 8 : 7,
      "text-padding": large ? 6 : 4,
      ...(large ? { "text-transform": "uppercase", "text-letter-spacing": 0.05 } : {}),
    },
    paint: { "text-color": "#102027", "text-halo-color": "rgba(255,255,255,0.95)", "text-halo-width": large ? 1.8 : 1.4 },
  } satisfies Layer<"symbol">;
}

/** Village names from zoom 11 (a district fills the screen). */
export const VILLAGE_LABEL = { ...nameLayer("village-label", VILLAGE_SOURCE, 11, false), minzoom: 11 };

/** District names; a click on one moves into the district. */
export const DISTRICT_LABEL = nameLayer("district-label", DISTRICT_LABEL_SOURCE, 12.5, true);

export const REGENCY_LINE = {
  id: "regency-line",
  type: "line",
  source: REGENCY_SOURCE,
  paint: { "line-color": "#102027", "line-width": ["interpolate", ["linear"], ["zoom"], 6, 1.2, 9.5, 2.6] },
} satisfies Layer<"line">;

/** Regency names (several regencies loaded); placed before the district names, so they win a collision. */
export const REGENCY_LABEL = nameLayer("regency-label", REGENCY_LABEL_SOURCE, 14, true);

export const VILLAGE_HIGHLIGHT = {
  id: "village-highlight",
  type: "line",
  source: VILLAGE_SOURCE,
  paint: {
    "line-color": ["case", ["boolean", ["feature-state", "selected"], false], "#0d47a1", "#000000"],
    "line-width": ["case", ["boolean", ["feature-state", "selected"], false], 3.5, ["boolean", ["feature-state", "hover"], false], 2.5, 0],
  },
} satisfies Layer<"line">;

export const FERTILIZER_POINTS = {
  id: "fertilizer-points",
  type: "circle",
  source: FERTILIZER_SOURCE,
  layout: { visibility: "none" },
  paint: {
    "circle-radius": 5,
    "circle-color": "#1b5e20",
    "circle-stroke-color": "#ffffff",
    "circle-stroke-width": 1.5,
  },
} satisfies Layer<"circle">;

export const PLAN_SOURCE = "outreach-plan";

/**
 * Villages with uncovered workers that no chosen site reaches: faded under a white veil, so the
 * reached ones stand out in their own colours (no outline on each of the many left out).
 */
export const PLAN_LEFT_OUT_VEIL = { color: "#ffffff", opacity: 0.6 } as const;
export const PLAN_LEFT_OUT = {
  id: "plan-left-out",
  type: "fill",
  source: PLAN_SOURCE,
  filter: ["==", ["get", "role"], "left-out"],
  paint: { "fill-color": PLAN_LEFT_OUT_VEIL.color, "fill-opacity": PLAN_LEFT_OUT_VEIL.opacity },
} satisfies Layer<"fill">;

/** Villages a chosen site reaches: a solid dark blue outline; their choropleth colour stays as it is. */
export const PLAN_REACHED_LINE = "#0d47a1";
export const PLAN_REACHED = {
  id: "plan-reached",
  type: "line",
  source: PLAN_SOURCE,
  filter: ["==", ["get", "role"], "reached"],
  paint: { "line-color": PLAN_REACHED_LINE, "line-width": 2.2 },
} satisfies Layer<"line">;

/** Each site's travel radius. */
export const PLAN_REACH = {
  id: "plan-reach",
  type: "line",
  source: PLAN_SOURCE,
  filter: ["==", ["get", "role"], "reach"],
  paint: { "line-color": "#0d47a1", "line-width": 1.5, "line-opacity": 0.9 },
} satisfies Layer<"line">;

/** The chosen sites; their numbers are HTML markers on top (no glyphs offline). */
export const PLAN_SITES = {
  id: "plan-sites",
  type: "circle",
  source: PLAN_SOURCE,
  filter: ["==", ["get", "role"], "site"],
  paint: { "circle-radius": 10, "circle-color": "#0d47a1", "circle-stroke-color": "#ffffff", "circle-stroke-width": 2 },
} satisfies Layer<"circle">;

/** The outreach plan, above the choropleth, bottom first. */
export const PLAN_LAYERS = [PLAN_LEFT_OUT, PLAN_REACHED, PLAN_REACH, PLAN_SITES] as const;

/**
 * The plan's villages whose boundaries the client does not hold (above a regency: see
 * villageGeometryScope), drawn on the village tiles from their feature state `plan` ("reached" or
 * "left-out"): the same veil and outline as PLAN_LEFT_OUT and PLAN_REACHED.
 */
const planRole = (role: PlanTileRole): ExpressionSpecification => ["==", ["coalesce", ["feature-state", "plan"], ""], role];
export type PlanTileRole = "reached" | "left-out";
export const PLAN_LEFT_OUT_TILES = {
  id: "plan-left-out-tiles",
  type: "fill",
  source: VILLAGE_SOURCE,
  paint: { ...PLAN_LEFT_OUT.paint, "fill-opacity": ["case", planRole("left-out"), PLAN_LEFT_OUT_VEIL.opacity, 0] },
} satisfies Layer<"fill">;
export const PLAN_REACHED_TILES = {
  id: "plan-reached-tiles",
  type: "line",
  source: VILLAGE_SOURCE,
  paint: { ...PLAN_REACHED.paint, "line-opacity": ["case", planRole("reached"), 1, 0] },
} satisfies Layer<"line">;

/** Drawn in this order, bottom first. */
export const CHOROPLETH_LAYERS = [
  DISTRICT_CONTEXT,
  VILLAGE_FILL,
  VILLAGE_NO_DATA,
  VILLAGE_OUTLINE,
  VILLAGE_UNRELIABLE,
  DISTRICT_LINE,
  REGENCY_LINE,
  VILLAGE_HIGHLIGHT,
  VILLAGE_LABEL,
  // After the village names: placed first, so a district's name wins a collision.
  DISTRICT_LABEL,
  REGENCY_LABEL,
  FERTILIZER_POINTS,
] as const;

/** Offline style: no tiles, no glyphs, no sprite. */
export const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: "background", type: "background", paint: { "background-color": "#e8eef1" } }],
};

/** An 8×8 grey diagonal hatch for villages without data. */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 2;
      const i = (y * size + x) * 4;
      const v = on ? 97 : 224;
      data.set([v, v, v, 255], i);
    }
  }
  return { width: size, height: size, data };
}
