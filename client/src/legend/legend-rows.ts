// The legend's classes as coloured ranges: one source for the sidebar, the slides and the exports.
import { formatMetric } from "../format.ts";
import { SUPPRESSED_COLOR, type Classification } from "../map/classify.ts";
import type { Lang, Metric } from "../url-state.ts";

export interface LegendRow {
  color: string;
  /** The class's range, e.g. "25,0% – 40,0%". */
  label: string;
  count: number;
}

/** The classes' rows; `suppressedLabel`: then a row for the villages whose count is withheld, when there are any. */
export function legendRows(c: Classification, metric: Metric, lang: Lang, suppressedLabel?: string): LegendRow[] {
  const fmt = (v: number | undefined) => formatMetric(metric, v, lang);
  const rows = c.colors.map((color, i) => ({
    color,
    label: `${fmt(c.edges[i])} – ${fmt(c.edges[i + 1])}`,
    count: c.counts[i] ?? 0,
  }));
  return suppressedLabel && c.suppressed > 0 ? [...rows, { color: SUPPRESSED_COLOR, label: suppressedLabel, count: c.suppressed }] : rows;
}
