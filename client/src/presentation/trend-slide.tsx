import { gql, type TypedDocumentNode } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { TrendChart, type ChartSeries } from "../charts/trend-chart.tsx";
import { SECTOR_COLORS } from "../charts/sector-colors.ts";
import { formatInt, formatPercent } from "../format.ts";
import type { RegionTrendsQuery, RegionTrendsQueryVariables } from "../generated/graphql.ts";
import type { Lang } from "../url-state.ts";
import { SERIES_POINT_FIELDS, type SeriesPoint } from "../village-panel/queries.ts";
import { QueryPending } from "../query-pending.tsx";

export const REGION_TRENDS: TypedDocumentNode<RegionTrendsQuery, RegionTrendsQueryVariables> = gql`
  query RegionTrends($code: String) {
    ALL: coverageSeries(code: $code, months: 24) {
      ...SeriesPointFields
    }
    FARMER: coverageSeries(code: $code, sector: FARMER, months: 24) {
      ...SeriesPointFields
    }
    LIVESTOCK: coverageSeries(code: $code, sector: LIVESTOCK, months: 24) {
      ...SeriesPointFields
    }
    FISHER: coverageSeries(code: $code, sector: FISHER, months: 24) {
      ...SeriesPointFields
    }
  }
  ${SERIES_POINT_FIELDS}
`;

const KEYS = ["ALL", "FARMER", "LIVESTOCK", "FISHER"] as const;

/** Monthly enrolled and coverage rate against the target line, for all sectors and each sector. */
export function TrendSlide({ code, target, lang }: { code: string | null; target: number; lang: Lang }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(REGION_TRENDS, { variables: { code } });
  if (error || !data) return <QueryPending error={error} />;
  const periods = data.ALL.map((p) => p.period);
  const series = (value: (p: SeriesPoint) => number | null): ChartSeries[] =>
    KEYS.map((k) => {
      const byPeriod = new Map(data[k].map((p) => [p.period, value(p)]));
      return {
        key: k,
        color: SECTOR_COLORS[k],
        label: k === "ALL" ? t("allSectors") : t(`sector.${k}`),
        values: periods.map((p) => byPeriod.get(p) ?? null),
      };
    });
  const chart = { periods, lang, width: 560, height: 400, fontSize: 15, axisWidth: 66, className: "slide-chart" };
  return (
    <div className="trend-slide">
      <ul className="chart-key">
        {KEYS.map((k) => (
          <li key={k}>
            <span className="key-line" style={{ background: SECTOR_COLORS[k] }} />
            {k === "ALL" ? t("allSectors") : t(`sector.${k}`)}
          </li>
        ))}
        <li>
          <span className="key-line key-target" />
          {t("headline.target", { target: formatPercent(target, lang) })}
        </li>
      </ul>
      <figure>
        <figcaption>{t("trend.enrolled")}</figcaption>
        <TrendChart {...chart} label={t("trend.enrolled")} series={series((p) => p.enrolled)} format={(v) => formatInt(v, lang)} />
      </figure>
      <figure>
        <figcaption>{t("trend.rate")}</figcaption>
        <TrendChart
          {...chart}
          label={t("trend.rate")}
          series={series((p) => p.coverageRate)}
          format={(v) => formatPercent(v, lang)}
          target={{ value: target, label: t("target") }}
        />
      </figure>
    </div>
  );
}
