import { useTranslation } from "react-i18next";
import { SUPPRESSED_COLOR, type Classification } from "../map/classify.ts";
import type { Lang, Metric } from "../url-state.ts";
import { formatPeriod } from "../format.ts";
import { legendRows } from "./legend-rows.ts";

interface Props {
  metric: Metric;
  classification: Classification;
  lang: Lang;
  showFertilizer: boolean;
  unreliableCount: number;
  /** The change map: the change since this month (YYYY-MM). */
  changeSince?: string | null;
  /** The server's minimum cell size (datasetInfo.minCellSize), for the suppressed class's label. */
  minCellSize: number | null;
}

export function Legend({ metric, classification: c, lang, showFertilizer, unreliableCount, changeSince, minCellSize }: Props) {
  const { t } = useTranslation();
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">
        {t("legend")}: {t(`metric.${metric}`)}
        {changeSince && ` · ${t("changeSinceShort", { period: formatPeriod(changeSince, lang) })}`}
      </h2>
      <ul>
        {legendRows(c, metric, lang).map((row, i) => (
          <li key={i} className="legend-class" data-color={row.color}>
            <span className="swatch" style={{ background: row.color }} />
            <span className="range">{row.label}</span>
            <span className="count">{t("villages", { count: row.count })}</span>
          </li>
        ))}
        {c.suppressed > 0 && (
          <li className="legend-suppressed" data-color={SUPPRESSED_COLOR}>
            <span className="swatch" style={{ background: SUPPRESSED_COLOR }} />
            <span className="range">{t("suppressedClass", { n: minCellSize })}</span>
            <span className="count">{t("villages", { count: c.suppressed })}</span>
          </li>
        )}
        <li className="legend-no-data">
          <span className="swatch swatch-hatch" />
          <span className="range">{t("noData")}</span>
          <span className="count">{t("villages", { count: c.noData })}</span>
        </li>
        <li className="legend-unreliable">
          <span className="swatch swatch-dashed" />
          <span className="range">{t("unreliable")}</span>
          <span className="count">{t("villages", { count: unreliableCount })}</span>
        </li>
        <li>
          <span className="swatch swatch-district" />
          <span className="range">{t("districtBoundary")}</span>
        </li>
        {showFertilizer && (
          <li>
            <span className="swatch swatch-point" />
            <span className="range">{t("fertilizerPoint")}</span>
          </li>
        )}
      </ul>
      <p className="muted small">{t("unreliableExplain")}</p>
    </section>
  );
}
