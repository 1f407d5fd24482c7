// Spending against a budget as a bar; without a budget, against the plan's whole cost.
import { formatPercent } from "../format.ts";
import type { Lang } from "../url-state.ts";

export function CostBar({ value, max, label, lang }: { value: number; max: number; label: string; lang: Lang }) {
  const share = max > 0 ? Math.min(1, value / max) : 0;
  return (
    <div
      className="cost-bar"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={formatPercent(share, lang)}
    >
      <div className="cost-fill" style={{ width: `${share * 100}%` }} />
    </div>
  );
}
