import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { formatInt, formatRupiah } from "../format.ts";
import { OUTCOMES_AND_COST } from "../report/outcomes-query.ts";
import type { Lang } from "../url-state.ts";
import { QueryPending } from "../query-pending.tsx";
import { TableHead } from "../table-head.tsx";
import { BigFigure } from "./big-figure.tsx";

/** Next year's cost of keeping today's covered workers covered, by who pays today. */
export function CostSlide({ regionCode, lang }: { regionCode: string | null; lang: Lang }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(OUTCOMES_AND_COST, { variables: { code: regionCode } });
  if (error || !data) return <QueryPending error={error} />;
  const { parameters, renewal } = data.fundingScenario;
  const n = data.datasetInfo.minCellSize;
  /** A withheld count: a dash, the suppressed class and why (as the coverage table shows it). */
  const cell = (value: string, suppressed: boolean) => (
    <td className={suppressed ? "num suppressed" : "num"} title={suppressed ? t("reliability.SUPPRESSED", { n }) : undefined}>
      {value}
    </td>
  );
  return (
    <div className="headline-slide cost-slide">
      <section className="headline-figures">
        <BigFigure
          figure="renewalCost"
          value={formatRupiah(renewal.cost, lang)}
          label={t("cost.renewal", {
            active: formatInt(renewal.active, lang),
            premium: formatRupiah(parameters.monthlyPremium, lang),
            months: parameters.months,
          })}
        />
      </section>
      <table className="slide-table">
        <TableHead columns={[{ label: t("cost.source") }, { label: t("cost.active"), num: true }, { label: t("cost.cost"), num: true }]} />
        <tbody>
          {renewal.bySource.map((s) => (
            <tr key={s.source} data-source={s.source}>
              <th scope="row">{t(`funding.${s.source}`)}</th>
              {cell(formatInt(s.active, lang), s.suppressed)}
              {cell(formatRupiah(s.cost, lang), s.suppressed)}
            </tr>
          ))}
        </tbody>
      </table>
      {(renewal.suppressed || renewal.bySource.some((s) => s.suppressed)) && (
        <p className="slide-note suppressed">{t("cost.suppressed", { n })}</p>
      )}
      <p className="slide-note">{t("cost.note")}</p>
    </div>
  );
}
