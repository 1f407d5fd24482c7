import { useTranslation } from "react-i18next";
import { formatMetric } from "../format.ts";
import { isReliable, lowIsBad, metricValue, type CoverageNode } from "../types.ts";
import type { Lang, Metric } from "../url-state.ts";

interface Props {
  nodes: readonly CoverageNode[];
  metric: Metric;
  lang: Lang;
  hovered: string | null;
  selected: string | null;
  limit?: number;
  onHover(code: string | null): void;
  onSelect(code: string): void;
}

/**
 * Worst first: lowest coverage rate, or most uncovered workers for the other metrics. Villages
 * whose rate is unreliable (a handful of workers) come after all the others: a rate of 0% over
 * three workers is not where outreach should start.
 */
export function rankVillages(nodes: readonly CoverageNode[], metric: Metric): CoverageNode[] {
  const sign = lowIsBad(metric) ? 1 : -1;
  return nodes
    .filter((n) => metricValue(n, metric) != null)
    .sort(
      (a, b) =>
        Number(!isReliable(a)) - Number(!isReliable(b)) ||
        sign * (metricValue(a, metric)! - metricValue(b, metric)!) ||
        a.name.localeCompare(b.name),
    );
}

export function RankingList({ nodes, metric, lang, hovered, selected, limit = 25, onHover, onSelect }: Props) {
  const { t } = useTranslation();
  const ranked = rankVillages(nodes, metric).slice(0, limit);
  return (
    <section className="ranking" aria-labelledby="ranking-title">
      <h2 id="ranking-title">{t(`ranking.title.${metric}`)}</h2>
      <p className="muted small">{t("rankingFor", { metric: t(`metric.${metric}`) })}</p>
      <ol onMouseLeave={() => onHover(null)}>
        {ranked.map((n) => (
          <li key={n.code}>
            <button
              type="button"
              data-code={n.code}
              className={`rank-item${hovered === n.code ? " is-hovered" : ""}${selected === n.code ? " is-selected" : ""}`}
              aria-pressed={selected === n.code}
              onMouseEnter={() => onHover(n.code)}
              onFocus={() => onHover(n.code)}
              onBlur={() => onHover(null)}
              onClick={() => onSelect(n.code)}
            >
              <span className="rank-name">
                {n.name}
                <span className="muted"> · {n.parentName}</span>
              </span>
              <span className="rank-value">
                {formatMetric(metric, metricValue(n, metric), lang)}
                {!isReliable(n) && <span title={t(`reliability.${n.reliability}`)}> *</span>}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
