import { useLayoutEffect, useRef, useState } from "react";
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

const GAP = 14;

/** Beside the pointer, on whichever side keeps it inside the map (a phone is narrow). */
export function MapTooltip({ x, y, name, node, metric, lang }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState({ left: x + GAP, top: y + GAP });
  useLayoutEffect(() => {
    const el = ref.current;
    const frame = el?.offsetParent as HTMLElement | null;
    if (!el || !frame) return;
    const w = el.offsetWidth,
      h = el.offsetHeight;
    const fw = frame.clientWidth,
      fh = frame.clientHeight;
    const left = x + GAP + w <= fw ? x + GAP : Math.max(0, Math.min(x - GAP - w, fw - w));
    const top = y + GAP + h <= fh ? y + GAP : Math.max(0, y - GAP - h);
    setAt({ left, top });
  }, [x, y, name]);
  return (
    <div ref={ref} className="map-tooltip" style={at} role="status">
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
