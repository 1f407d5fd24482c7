// A plain SVG line chart of monthly values: one or more series, an optional target line.
import { formatPeriod } from "../format.ts";
import { niceStep } from "../map/classify.ts";
import type { Lang } from "../url-state.ts";

export interface ChartSeries {
  key: string;
  label: string;
  /** One value per period (null: no figure that month). */
  values: readonly (number | null)[];
  color?: string;
}

interface Props {
  periods: readonly string[];
  series: readonly ChartSeries[];
  format(value: number): string;
  lang: Lang;
  label: string;
  target?: { value: number; label: string } | null;
  width?: number;
  height?: number;
  /** Left margin for the axis labels, and the text size, in chart units. */
  axisWidth?: number;
  fontSize?: number;
  className?: string;
}

/**
 * Top of the value axis: the first multiple of a round step (about a fifth of the largest value,
 * or the target) at or above it, so a rate of 95.8% gets an axis to 100%, not 200%.
 */
export function axisMax(values: readonly (number | null)[], target?: number | null): number {
  const top = Math.max(0, target ?? 0, ...values.filter((v): v is number => v != null && Number.isFinite(v)));
  if (top <= 0) return 1;
  const step = niceStep(top / 5);
  return +(Math.ceil(top / step - 1e-9) * step).toPrecision(12);
}

function pathOf(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = "";
  let pen = false;
  values.forEach((v, i) => {
    if (v == null) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}

export function TrendChart({
  periods,
  series,
  format,
  lang,
  label,
  target = null,
  width = 320,
  height = 120,
  axisWidth = 40,
  fontSize = 9,
  className = "",
}: Props) {
  const all = series.flatMap((s) => s.values);
  if (periods.length === 0 || all.every((v) => v == null)) return <p className="muted">–</p>;
  const pad = { l: axisWidth, r: 8, t: fontSize, b: fontSize * 2.4 };
  const max = axisMax(all, target?.value);
  const x = (i: number) => pad.l + (i * (width - pad.l - pad.r)) / Math.max(1, periods.length - 1);
  const y = (v: number) => height - pad.b - (v / max) * (height - pad.t - pad.b);
  const first = periods[0]!,
    last = periods.at(-1)!;
  const summary = series
    .map((s) => {
      const a = s.values[0],
        b = s.values.at(-1);
      return `${s.label}: ${formatPeriod(first, lang)} ${a == null ? "–" : format(a)} → ${formatPeriod(last, lang)} ${b == null ? "–" : format(b)}`;
    })
    .join("; ");
  return (
    <svg
      className={`trend-chart ${className}`.trim()}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      style={{ fontSize }}
    >
      <title>{`${label}. ${summary}`}</title>
      {[0, max / 2, max].map((v) => (
        <g key={v}>
          <line x1={pad.l} x2={width - pad.r} y1={y(v)} y2={y(v)} className="grid" />
          <text x={pad.l - 4} y={y(v)} dy="0.35em" textAnchor="end">
            {format(v)}
          </text>
        </g>
      ))}
      {target && (
        <g className="target" data-value={target.value}>
          <line x1={pad.l} x2={width - pad.r} y1={y(target.value)} y2={y(target.value)} />
          <text x={pad.l + 4} y={y(target.value)} dy="-0.4em">
            {target.label}
          </text>
        </g>
      )}
      {series.map((s) => (
        <g key={s.key} className="series" data-series={s.key} style={s.color ? { color: s.color } : undefined}>
          <path d={pathOf(s.values, x, y)} className="line" />
          {s.values.map(
            (v, i) =>
              v != null && (
                <circle key={i} cx={x(i)} cy={y(v)} r={fontSize / 4.5}>
                  <title>{`${s.label}, ${formatPeriod(periods[i]!, lang)}: ${format(v)}`}</title>
                </circle>
              ),
          )}
        </g>
      ))}
      <text x={pad.l} y={height - fontSize * 0.4}>
        {formatPeriod(first, lang)}
      </text>
      <text x={width - pad.r} y={height - fontSize * 0.4} textAnchor="end">
        {formatPeriod(last, lang)}
      </text>
    </svg>
  );
}
