import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { formatDecimal, formatInt } from "../format.ts";
import { OUTCOMES_AND_COST } from "../report/outcomes-query.ts";
import type { Lang } from "../url-state.ts";
import { QueryPending } from "../query-pending.tsx";
import { TableHead } from "../table-head.tsx";
import { BigFigure } from "./big-figure.tsx";

/** At most this many districts fit a projector at 1280×720. */
const MAX_DISTRICTS = 6;

/** What the held sessions achieved: recorded results, against the forecast, and the estimate of what followed. */
export function AchievedSlide({ regionCode, lang }: { regionCode: string | null; lang: Lang }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(OUTCOMES_AND_COST, { variables: { code: regionCode } });
  if (error || !data) return <QueryPending error={error} />;
  const { total, districts } = data.sessionOutcomes;
  if (total.sessionsHeld === 0) return <p className="slide-empty">{t("achieved.none")}</p>;
  return (
    <div className="headline-slide achieved-slide">
      <section className="headline-figures">
        <BigFigure
          figure="sessionsHeld"
          value={formatInt(total.sessionsHeld, lang)}
          label={t("achieved.sessions", { attendance: formatInt(total.attendance, lang) })}
        />
        <BigFigure
          figure="attributed"
          value={formatInt(total.enrollmentsAttributed, lang)}
          label={
            total.forecastEnrollments > 0
              ? t("achieved.attributedVsForecast", {
                  attributed: formatInt(total.attributedWhereForecast, lang),
                  forecast: formatInt(total.forecastEnrollments, lang),
                })
              : t("achieved.attributed")
          }
        />
        <BigFigure
          figure="estimate"
          mid
          value={total.estimate === null ? "–" : formatDecimal(total.estimate, lang, 0)}
          label={t("achieved.estimate")}
        />
      </section>
      <table className="slide-table">
        <TableHead
          columns={[
            { label: t("district") },
            { label: t("achieved.held"), num: true },
            { label: t("achieved.attendance"), num: true },
            { label: t("achieved.attributedShort"), num: true },
            { label: t("achieved.estimateShort"), num: true },
          ]}
        />
        <tbody>
          {districts.slice(0, MAX_DISTRICTS).map((d) => (
            <tr key={d.code} data-code={d.code}>
              <th scope="row">{d.name}</th>
              <td className="num">{formatInt(d.sessionsHeld, lang)}</td>
              <td className="num">{formatInt(d.attendance, lang)}</td>
              <td className="num">{formatInt(d.enrollmentsAttributed, lang)}</td>
              <td className="num">{d.estimate === null ? "–" : formatDecimal(d.estimate, lang, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total.suppressedSessions > 0 && (
        <p className="slide-note suppressed" data-suppressed={total.suppressedSessions}>
          {t("achieved.suppressed", { n: data.datasetInfo.minCellSize, sessions: formatInt(total.suppressedSessions, lang) })}
        </p>
      )}
      <p className="slide-note">{t("achieved.method")}</p>
    </div>
  );
}
