// Manual class breaks as typed: coverage rates in percent (25; 50; 75), counts and densities as
// they are, each number in the UI language's convention. Internally rates stay fractions.
import { formatDecimal, parseLocaleNumber } from "../format.ts";
import { MAX_CLASSES } from "../map/classify.ts";
import type { Lang, Metric } from "../url-state.ts";

export type BreaksError =
  | { error: "notANumber"; value: string }
  | { error: "notAPercent"; value: string }
  | { error: "negative"; value: string }
  | { error: "duplicate"; value: string }
  | { error: "tooMany"; max: number };

/** Rates are typed and shown in percent. */
export function breaksInPercent(metric: Metric): boolean {
  return metric === "COVERAGE_RATE";
}

/** The breaks as the field shows them: "25; 50; 75" for rates of 0.25, 0.5, 0.75. */
export function formatBreaks(breaks: readonly number[], metric: Metric, lang: Lang): string {
  const scale = breaksInPercent(metric) ? 100 : 1;
  return breaks.map((b) => formatDecimal(b * scale, lang, 2)).join("; ");
}

/**
 * The typed breaks, ascending, in the metric's own unit; or the first thing wrong with them:
 * a word that is no number, a rate outside 0–100 % (or a negative count), the same break twice,
 * more breaks than the classes the palettes have.
 */
export function parseBreaks(text: string, metric: Metric, lang: Lang): { breaks: number[] } | BreaksError {
  const parts = text
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (parts.length > MAX_CLASSES - 1) return { error: "tooMany", max: MAX_CLASSES - 1 };
  const percent = breaksInPercent(metric);
  const values: number[] = [];
  for (const value of parts) {
    const parsed = parseLocaleNumber(value, lang);
    if ("error" in parsed) return { error: "notANumber", value };
    if (percent && (parsed.value < 0 || parsed.value > 100)) return { error: "notAPercent", value };
    if (parsed.value < 0) return { error: "negative", value };
    if (values.includes(parsed.value)) return { error: "duplicate", value };
    values.push(parsed.value);
  }
  return { breaks: values.sort((a, b) => a - b).map((v) => (percent ? +(v / 100).toPrecision(12) : v)) };
}
