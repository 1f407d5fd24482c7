// Pure classification helpers for the choropleth: breaks, palettes and class counts.
import { ckmeans, quantileSorted } from "simple-statistics";
import { schemeBlues, schemeOrRd, schemePuBuGn, schemePurples, schemeYlGnBu, schemeYlOrRd } from "d3-scale-chromatic";

export const CLASS_METHODS = ["quantile", "equal", "jenks", "pretty", "stddev", "manual"] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

/** Sequential ColorBrewer schemes that are safe for colour-blind readers. */
const SCHEMES = {
  YlOrRd: schemeYlOrRd,
  OrRd: schemeOrRd,
  Blues: schemeBlues,
  PuBuGn: schemePuBuGn,
  YlGnBu: schemeYlGnBu,
  Purples: schemePurples,
} as const;
export type PaletteName = keyof typeof SCHEMES;
export const PALETTES = Object.keys(SCHEMES) as PaletteName[];

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;
export const NO_DATA_COLOR = "#bdbdbd";
/** Villages whose count is withheld (disclosure control): a class of their own, not "no data". */
export const SUPPRESSED_COLOR = "#8d6e97";
export const SUPPRESSED = "suppressed";
/** A value to class: a number, null (no data), or SUPPRESSED. */
export type ClassValue = number | null | typeof SUPPRESSED;
/** The class index of a suppressed village (-1 is no data). */
export const SUPPRESSED_CLASS = -2;

export function clampClasses(k: number): number {
  if (!Number.isFinite(k)) return 5;
  return Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(k)));
}

/** Colours from light to dark; `reverse` puts the dark (bad) colour on low values. */
export function paletteColors(name: PaletteName, k: number, reverse = false): string[] {
  const scheme = SCHEMES[name] ?? SCHEMES.YlOrRd;
  const n = clampClasses(k);
  const colors = [...scheme[n]!];
  return reverse ? colors.reverse() : colors;
}

/** The round number (1, 2, 2.5 or 5 times a power of ten) at or above `raw`. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

function prettyEdges(min: number, max: number, k: number): number[] {
  let step = niceStep((max - min) / k);
  for (;;) {
    const lo = Math.floor(min / step) * step;
    const hi = Math.ceil(max / step) * step;
    const n = Math.round((hi - lo) / step);
    if (n <= MAX_CLASSES) {
      return Array.from({ length: n + 1 }, (_, i) => +(lo + i * step).toPrecision(12));
    }
    step = niceStep(step * 1.01);
  }
}

function stddevEdges(values: number[], min: number, max: number, k: number): number[] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  const inner = Array.from({ length: k - 1 }, (_, i) => mean + (i + 1 - k / 2) * sd);
  return [min, ...inner.map((e) => Math.min(max, Math.max(min, e))), max];
}

function jenksEdges(sorted: number[], k: number): number[] {
  const distinct = new Set(sorted).size;
  const clusters = ckmeans(sorted, Math.min(k, distinct));
  return [...clusters.map((c) => c[0]!), sorted.at(-1)!];
}

/**
 * Class edges (k + 1 numbers, ascending, first = min, last = max) for the values.
 * `manual` gives the inner thresholds for the manual method.
 */
export function computeBreaks(values: readonly number[], method: ClassMethod, classes: number, manual: readonly number[] = []): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const k = clampClasses(classes);
  const min = sorted[0]!;
  const max = sorted.at(-1)!;
  if (min === max) return [min, max];
  switch (method) {
    case "quantile":
      return [min, ...Array.from({ length: k - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / k)), max];
    case "equal":
      return Array.from({ length: k + 1 }, (_, i) => (i === k ? max : min + ((max - min) * i) / k));
    case "jenks":
      return jenksEdges(sorted, k);
    case "pretty":
      return prettyEdges(min, max, k);
    case "stddev":
      return stddevEdges(sorted, min, max, k);
    case "manual": {
      const inner = [...manual]
        .filter(Number.isFinite)
        .sort((a, b) => a - b)
        .slice(0, MAX_CLASSES - 1);
      return [Math.min(min, inner[0] ?? min), ...inner, Math.max(max, inner.at(-1) ?? max)];
    }
  }
}

/** Index of the class holding `value` (edges as from computeBreaks); -1 for no data. */
export function classIndex(value: number | null | undefined, edges: readonly number[]): number {
  if (value == null || !Number.isFinite(value) || edges.length < 2) return -1;
  const last = edges.length - 2;
  for (let i = 0; i < last; i++) if (value < edges[i + 1]!) return i;
  return last;
}

export interface Classification {
  edges: number[];
  colors: string[];
  counts: number[];
  noData: number;
  /** Villages whose count is withheld (disclosure control). */
  suppressed: number;
}

export interface ClassifyOptions {
  method: ClassMethod;
  classes: number;
  palette: PaletteName;
  /** Low values are bad (e.g. coverage rate): give them the strongest colour. */
  lowIsBad: boolean;
  manual?: readonly number[];
}

/** Breaks, one colour per class and how many values fall in each class. */
export function classify(values: readonly ClassValue[], opts: ClassifyOptions): Classification {
  const present = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const suppressed = values.filter((v) => v === SUPPRESSED).length;
  const edges = computeBreaks(present, opts.method, opts.classes, opts.manual);
  const n = Math.max(1, edges.length - 1);
  const all = paletteColors(opts.palette, Math.max(n, MIN_CLASSES), opts.lowIsBad);
  const colors = n < MIN_CLASSES ? (opts.lowIsBad ? all.slice(0, n) : all.slice(-n)) : all;
  const counts = new Array<number>(edges.length ? n : 0).fill(0);
  for (const v of present) counts[classIndex(v, edges)]! += 1;
  return { edges, colors, counts, noData: values.length - present.length - suppressed, suppressed };
}

/** The same classes with the counts of other values (e.g. one side of a split view). */
export function recount(values: readonly ClassValue[], c: Classification): Classification {
  const counts = c.counts.map(() => 0);
  let noData = 0;
  let suppressed = 0;
  for (const v of values) {
    if (v === SUPPRESSED) {
      suppressed += 1;
      continue;
    }
    const i = classIndex(v, c.edges);
    if (i < 0) noData += 1;
    else counts[i]! += 1;
  }
  return { ...c, counts, noData, suppressed };
}

export function colorOf(value: number | null | undefined, c: Classification): string {
  const i = classIndex(value, c.edges);
  return i < 0 ? NO_DATA_COLOR : (c.colors[i] ?? NO_DATA_COLOR);
}
