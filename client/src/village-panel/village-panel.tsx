import { useEffect, useRef } from "react";
import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { TrendChart } from "../charts/trend-chart.tsx";
import { formatDecimal, formatDistance, formatPercent, formatPeriod } from "../format.ts";
import type { Lang, Sector } from "../url-state.ts";
import { VILLAGE_DETAIL } from "./queries.ts";
import { SectorFigures } from "./sector-figures.tsx";
import { SessionsList } from "./sessions-list.tsx";

interface Props {
  code: string;
  parentCode: string | null;
  sector: Sector | null;
  period: string | null;
  target: number;
  lang: Lang;
  onClose(): void;
}

export function VillagePanel({ code, parentCode, sector, period, target, lang, onClose }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const { data, loading, error } = useQuery(VILLAGE_DETAIL, {
    variables: { code, parentCode, sector, period, target },
    errorPolicy: "all",
  });
  useEffect(() => heading.current?.focus(), [code]);
  const node = data?.coverage?.edges.map((e) => e.node).find((n) => n.code === code);
  const name = data?.region?.name ?? node?.name ?? code;
  const district = data?.region?.parent?.name ?? node?.parentName;
  // Escape closes the panel wherever the focus is (the map canvas after a click), except in a
  // field or list that uses Escape itself.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest("input, select, textarea, [role=listbox], [role=combobox]")) return;
      onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    <aside className="village-panel" aria-labelledby="village-panel-title" data-code={code}>
      <header>
        <h2 id="village-panel-title" ref={heading} tabIndex={-1}>
          {name}
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label={t("close")}>
          ×
        </button>
      </header>
      {district && (
        <p className="muted">
          {t("district")} {district}
          {data?.region?.areaKm2 != null && ` · ${t("area")} ${formatDecimal(data.region.areaKm2, lang)} km²`}
          {period && ` · ${formatPeriod(period, lang)}`}
        </p>
      )}
      {loading && !data && <p>{t("loading")}</p>}
      {error && (
        <p className="error" role="alert">
          {t("error", { message: error.message })}
        </p>
      )}
      {node && <SectorFigures node={node} lang={lang} />}
      {node?.overEnrolled && <p className="muted small">{t("overEnrolled")}</p>}
      {data?.coverageSeries && (
        <>
          <h3>
            {t("trend")}
            {sector ? ` · ${t(`sector.${sector}`)}` : ""}
          </h3>
          <TrendChart
            periods={data.coverageSeries.map((p) => p.period)}
            lang={lang}
            label={t("trend")}
            series={[{ key: "rate", label: t("coverageRate"), values: data.coverageSeries.map((p) => p.coverageRate) }]}
            format={(v) => formatPercent(v, lang)}
            target={{ value: target, label: t("target") }}
          />
        </>
      )}
      {data?.nearestFertilizerPoints && (
        <>
          <h3>{t("nearestFertilizer")}</h3>
          <ol className="fertilizer-list">
            {data.nearestFertilizerPoints.map((f) => (
              <li key={f.point.id}>
                {f.point.name} <span className="muted">({t(`planner.kind.${f.point.kind}`)})</span>
                <span className="num"> {formatDistance(f.distanceMeters, lang)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {data?.sessions && (
        <>
          <h3>{t("sessions")}</h3>
          <SessionsList sessions={data.sessions} villageCode={code} districtCode={data.region?.parent?.code ?? parentCode} lang={lang} />
        </>
      )}
    </aside>
  );
}
