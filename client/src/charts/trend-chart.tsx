import { formatPercent, formatPeriod } from '../format.ts';
import type { Lang } from '../url-state.ts';
import type { SeriesPoint } from './queries.ts';

const W = 320, H = 120, PAD = { l: 40, r: 8, t: 8, b: 22 };

/** A plain SVG line of the coverage rate over the months. */
export function TrendChart({ series, lang, label }: { series: readonly SeriesPoint[]; lang: Lang; label: string }) {
  const pts = series.map((p, i) => ({ i, p, v: p.coverageRate }));
  const values = pts.map((p) => p.v).filter((v): v is number => v != null);
  if (values.length === 0) return <p className="muted">–</p>;
  const max = Math.max(0.05, ...values) * 1.1;
  const x = (i: number) => PAD.l + (i * (W - PAD.l - PAD.r)) / Math.max(1, series.length - 1);
  const y = (v: number) => H - PAD.b - (v / max) * (H - PAD.t - PAD.b);
  let d = '';
  let pen = false;
  for (const p of pts) {
    if (p.v == null) { pen = false; continue; }
    d += `${pen ? 'L' : 'M'}${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`;
    pen = true;
  }
  const first = series[0]!, last = series.at(-1)!;
  return (
    <svg className="trend-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{`${label}: ${formatPeriod(first.period, lang)} ${formatPercent(first.coverageRate, lang)} → ${formatPeriod(last.period, lang)} ${formatPercent(last.coverageRate, lang)}`}</title>
      {[0, max / 2, max].map((v) => (
        <g key={v}>
          <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} className="grid" />
          <text x={PAD.l - 4} y={y(v) + 4} textAnchor="end">{formatPercent(v, lang)}</text>
        </g>
      ))}
      <path d={d} className="line" />
      {pts.map((p) => p.v != null && (
        <circle key={p.i} cx={x(p.i)} cy={y(p.v)} r={2}>
          <title>{`${formatPeriod(p.p.period, lang)}: ${formatPercent(p.v, lang)}`}</title>
        </circle>
      ))}
      <text x={PAD.l} y={H - 4}>{formatPeriod(first.period, lang)}</text>
      <text x={W - PAD.r} y={H - 4} textAnchor="end">{formatPeriod(last.period, lang)}</text>
    </svg>
  );
}
