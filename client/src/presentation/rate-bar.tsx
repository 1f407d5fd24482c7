import { formatPercent } from "../format.ts";
import type { Lang } from "../url-state.ts";

/** A coverage rate as a filled bar with the target marked, and the rate written beside it. */
export function RateBar({ rate, target, lang, label }: { rate: number | null; target: number; lang: Lang; label: string }) {
  const pct = (v: number) => `${Math.min(100, Math.max(0, v * 100))}%`;
  return (
    <div className="rate-bar" role="img" aria-label={`${label}: ${formatPercent(rate, lang)}`}>
      <div className="rate-track">
        <div className={`rate-fill${rate != null && rate >= target ? " reached" : ""}`} style={{ width: pct(rate ?? 0) }} />
        <div className="rate-target" style={{ left: pct(target) }} title={formatPercent(target, lang)} />
      </div>
      <span className="rate-value">{formatPercent(rate, lang)}</span>
    </div>
  );
}
