// Numbers and dates through Intl in the chosen language (id-ID: 28.000, 45,3%).
import type { Lang, Metric } from "./url-state.ts";

export function localeOf(lang: Lang): string {
  return lang === "en" ? "en-GB" : "id-ID";
}

export function formatInt(n: number | null | undefined, lang: Lang): string {
  return n == null ? "–" : new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 0 }).format(n);
}

export function formatDecimal(n: number | null | undefined, lang: Lang, digits = 1): string {
  return n == null ? "–" : new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: digits }).format(n);
}

export function formatPercent(rate: number | null | undefined, lang: Lang): string {
  return rate == null
    ? "–"
    : new Intl.NumberFormat(localeOf(lang), { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

export function formatMetric(metric: Metric, value: number | null | undefined, lang: Lang): string {
  if (metric === "COVERAGE_RATE") return formatPercent(value, lang);
  if (metric === "UNCOVERED_PER_KM2") return formatDecimal(value, lang, 1);
  return formatInt(value, lang);
}

export function formatPeriod(period: string, lang: Lang): string {
  const [y, m] = period.split("-").map(Number);
  if (!y || !m) return period;
  return new Intl.DateTimeFormat(localeOf(lang), { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "–";
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(localeOf(lang), { dateStyle: "medium", timeZone: "UTC" }).format(d);
}

export function formatDistance(meters: number, lang: Lang): string {
  return meters < 1000 ? `${formatInt(meters, lang)} m` : `${formatDecimal(meters / 1000, lang, 1)} km`;
}

/** A change with its sign: +9.630, −120; rate changes in percentage points (0.052 → +5,2). */
export function formatChange(n: number | null | undefined, lang: Lang, asPoints = false): string {
  if (n == null) return "–";
  const digits = asPoints ? 1 : 0;
  return new Intl.NumberFormat(localeOf(lang), {
    signDisplay: "exceptZero",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(asPoints ? n * 100 : n);
}

/** Rupiah without decimals: Rp 12.297.600 (id), IDR 12,297,600 (en). */
export function formatRupiah(n: number | null | undefined, lang: Lang): string {
  return n == null
    ? "–"
    : new Intl.NumberFormat(localeOf(lang), {
        style: "currency",
        currency: "IDR",
        currencyDisplay: lang === "id" ? "symbol" : "code",
        maximumFractionDigits: 0,
      }).format(n);
}

export type ParsedNumber = { value: number } | { error: "notANumber" | "ambiguous" };

/**
 * A number as people write it in the UI language: Indonesian groups thousands with dots and
 * writes decimals with a comma (100.000.000; 12,5), English the other way round (100,000,000;
 * 12.5). A leading "Rp"/"IDR" and a trailing "%" are ignored; a space inside the number is not. A separator that fits
 * neither reading of the language (1.5 in Indonesian) is refused as ambiguous, never guessed.
 */
export function parseLocaleNumber(text: string, lang: Lang): ParsedNumber {
  const s = text
    .trim()
    .replace(/^(rp\.?|idr)[\s\u00a0]*/i, "")
    .replace(/[\s\u00a0]*%$/, "");
  const [group, decimal] = lang === "id" ? [".", ","] : [",", "."];
  const g = `\\${group}`,
    dec = `\\${decimal}`;
  const plain = new RegExp(`^-?\\d+(${dec}\\d+)?$`);
  const grouped = new RegExp(`^-?\\d{1,3}(${g}\\d{3})+(${dec}\\d+)?$`);
  if (plain.test(s) || grouped.test(s)) return { value: Number(s.split(group).join("").replace(decimal, ".")) };
  // The other language's decimal sign, or a thousands group that is not three digits.
  if (/^-?[\d.,]+$/.test(s) && /\d/.test(s)) return { error: "ambiguous" };
  return { error: "notANumber" };
}
