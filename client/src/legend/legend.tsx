import { useTranslation } from 'react-i18next';
import type { Classification } from '../map/classify.ts';
import { formatMetric } from '../format.ts';
import type { Lang, Metric } from '../url-state.ts';

interface Props {
  metric: Metric;
  classification: Classification;
  lang: Lang;
  showFertilizer: boolean;
  unreliableCount: number;
}

export function Legend({ metric, classification: c, lang, showFertilizer, unreliableCount }: Props) {
  const { t } = useTranslation();
  const fmt = (v: number | undefined) => formatMetric(metric, v, lang);
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend')}: {t(`metric.${metric}`)}</h2>
      <ul>
        {c.colors.map((color, i) => (
          <li key={i} className="legend-class" data-color={color}>
            <span className="swatch" style={{ background: color }} />
            <span className="range">{fmt(c.edges[i])} – {fmt(c.edges[i + 1])}</span>
            <span className="count">{t('villages', { count: c.counts[i] ?? 0 })}</span>
          </li>
        ))}
        <li className="legend-no-data">
          <span className="swatch swatch-hatch" />
          <span className="range">{t('noData')}</span>
          <span className="count">{t('villages', { count: c.noData })}</span>
        </li>
        <li className="legend-unreliable">
          <span className="swatch swatch-dashed" />
          <span className="range">{t('unreliable')}</span>
          <span className="count">{t('villages', { count: unreliableCount })}</span>
        </li>
        <li>
          <span className="swatch swatch-district" />
          <span className="range">{t('districtBoundary')}</span>
        </li>
        {showFertilizer && (
          <li>
            <span className="swatch swatch-point" />
            <span className="range">{t('fertilizerPoint')}</span>
          </li>
        )}
      </ul>
      <p className="muted small">{t('unreliableExplain')}</p>
    </section>
  );
}
