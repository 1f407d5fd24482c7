// The whole view state lives in the URL query string so a shared link restores the view.
import type { Sector } from "./generated/graphql.ts";
import { SECTORS } from "../../domain/vocabulary.ts";
import { CLASS_METHODS, PALETTES, clampClasses, type ClassMethod, type PaletteName } from "./map/classify.ts";
import { DEFAULT_PLAN, parsePlan, writePlan, type PlanForm } from "./planner/plan-state.ts";

export const METRICS = ["COVERAGE_RATE", "UNCOVERED", "UNCOVERED_PER_KM2", "GAP_TO_TARGET", "ENDING_SOON", "LAPSED"] as const;
export type Metric = (typeof METRICS)[number];
/** The sectors, in the order the controls offer them (the domain's list, the schema's enum). */
export { SECTORS };
export type { Sector };
export type SplitKind = "period" | "sector";
export type Lang = "id" | "en";

export interface ViewState {
  metric: Metric;
  /** null = all sectors (`sector=ALL`); farmers, the largest and least covered group, by default */
  sector: Sector | null;
  /** null = latest period */
  period: string | null;
  /** The change map: the measure's change since this month (YYYY-MM); null = the measure itself. */
  change: string | null;
  method: ClassMethod;
  classes: number;
  palette: PaletteName;
  manual: number[];
  target: number;
  village: string | null;
  center: [number, number] | null;
  zoom: number | null;
  lang: Lang;
  split: SplitKind | null;
  /** The other period ("YYYY-MM") or sector ("ALL" for all) shown on the right. */
  splitValue: string | null;
  fertilizer: boolean;
  view: "map" | "table" | "planner";
  /** The planner's inputs and tabs (written only in the planner view). */
  plan: PlanForm;
  /**
   * The region everything is narrowed to (map, legend, ranking, table, planner, presentation and
   * reports; a Kemendagri code); null = the smallest region holding all the data.
   */
  region: string | null;
  /** Presentation mode, and which of its views (1 = first) is shown. */
  present: boolean;
  slide: number;
}

export const DEFAULT_STATE: ViewState = {
  metric: "COVERAGE_RATE",
  sector: "FARMER",
  period: null,
  change: null,
  method: "quantile",
  classes: 5,
  palette: "YlOrRd",
  manual: [],
  target: 0.5,
  village: null,
  center: null,
  zoom: null,
  lang: "id",
  split: null,
  splitValue: null,
  fertilizer: false,
  view: "map",
  plan: DEFAULT_PLAN,
  region: null,
  present: false,
  slide: 1,
};

function oneOf<T extends string>(list: readonly T[], v: string | null): T | undefined {
  return list.find((x) => x === v);
}

function num(v: string | null): number | undefined {
  if (v == null || v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export function parseState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const d = DEFAULT_STATE;
  const c = (q.get("c") ?? "").split(",").map(Number);
  const period = q.get("period");
  return {
    metric: oneOf(METRICS, q.get("metric")) ?? d.metric,
    sector: q.get("sector") === "ALL" ? null : (oneOf(SECTORS, q.get("sector")) ?? d.sector),
    period: period && /^\d{4}-\d{2}$/.test(period) ? period : null,
    change: /^\d{4}-\d{2}$/.test(q.get("change") ?? "") ? q.get("change") : null,
    method: oneOf(CLASS_METHODS, q.get("method")) ?? d.method,
    classes: clampClasses(num(q.get("k")) ?? d.classes),
    palette: oneOf(PALETTES, q.get("palette")) ?? d.palette,
    manual: (q.get("breaks") ?? "")
      .split(",")
      .map((s) => num(s))
      .filter((n): n is number => n != null),
    target: Math.min(1, Math.max(0, num(q.get("target")) ?? d.target)),
    village: q.get("village") || null,
    center: c.length === 2 && c.every(Number.isFinite) ? [c[0]!, c[1]!] : null,
    zoom: num(q.get("z")) ?? null,
    lang: q.get("lang") === "en" ? "en" : "id",
    split: oneOf(["period", "sector"] as const, q.get("split")) ?? null,
    splitValue: q.get("vs") || null,
    fertilizer: q.get("fert") === "1",
    view: oneOf(["table", "planner"] as const, q.get("view")) ?? "map",
    plan: parsePlan(q),
    region: /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(q.get("region") ?? "") ? q.get("region") : null,
    present: q.get("present") === "1",
    slide: Math.max(1, Math.floor(num(q.get("slide")) ?? 1)),
  };
}

export function serializeState(s: ViewState): string {
  const q = new URLSearchParams();
  const d = DEFAULT_STATE;
  if (s.metric !== d.metric) q.set("metric", s.metric);
  if (s.sector !== d.sector) q.set("sector", s.sector ?? "ALL");
  if (s.period) q.set("period", s.period);
  if (s.change) q.set("change", s.change);
  if (s.method !== d.method) q.set("method", s.method);
  if (s.classes !== d.classes) q.set("k", String(s.classes));
  if (s.palette !== d.palette) q.set("palette", s.palette);
  if (s.method === "manual" && s.manual.length) q.set("breaks", s.manual.join(","));
  if (s.target !== d.target) q.set("target", String(s.target));
  if (s.village) q.set("village", s.village);
  if (s.center) q.set("c", s.center.map((n) => n.toFixed(5)).join(","));
  if (s.zoom != null) q.set("z", s.zoom.toFixed(2));
  if (s.lang !== d.lang) q.set("lang", s.lang);
  if (s.split) q.set("split", s.split);
  if (s.split && s.splitValue) q.set("vs", s.splitValue);
  if (s.fertilizer) q.set("fert", "1");
  if (s.view !== d.view) q.set("view", s.view);
  if (s.view === "planner") writePlan(s.plan, q);
  if (s.region) q.set("region", s.region);
  if (s.present) q.set("present", "1");
  if (s.present && s.slide !== d.slide) q.set("slide", String(s.slide));
  const text = q.toString();
  return text ? `?${text}` : "";
}

/**
 * Write the view to the URL. `push` adds a history entry (a move to another region, so the back
 * button goes back up); otherwise the entry is replaced (map moves would flood history).
 */
export function writeState(s: ViewState, push = false): void {
  const search = serializeState(s);
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}
