import { useTranslation } from "react-i18next";
import { formatMetric } from "../format.ts";
import { metricValue, type CoverageNode } from "../types.ts";
import type { Lang, Metric } from "../url-state.ts";

interface Props {
  x: number;
  y: number;
  name: string;
  node: CoverageNode | undefined;
  metric: Metric;
  lang: Lang;
}

export function MapTooltip({ x, y, name, node, metric, lang }: Props) {
  const { t } = useTranslation();
  return (
    <div className="map-tooltip" style={{ left: x + 14, top: y + 14 }} role="status">
      <strong>{name}</strong>
      {node?.parentName && (
        <div>
          {t("district")}: {node.parentName}
        </div>
      )}
      <div>
        {t(`metric.${metric}`)}: {formatMetric(metric, metricValue(node, metric), lang)}
      </div>
      {node && node.reliability !== "COUNT" && <div className="muted">{t(`reliability.${node.reliability}`)}</div>}
    </div>
  );
}
