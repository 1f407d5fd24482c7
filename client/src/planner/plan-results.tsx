// A plan's answer: totals against the budget, the sites in order, coverage before → after, villages left out.
import { useTranslation } from "react-i18next";
import { formatDate, formatDistance, formatInt, formatPercent, formatRupiah } from "../format.ts";
import type { Lang } from "../url-state.ts";
import { BeforeAfterTable } from "./before-after-table.tsx";
import { CostBar } from "./cost-bar.tsx";
import type { OutreachPlanResult, PlanInput, PlanVillage } from "./plan-queries.ts";
import { planTotal } from "./plan-total.tsx";

interface Props {
  plan: OutreachPlanResult;
  /** What the plan was asked with: the field sheet of this plan, saved or not, is computed from it. */
  input: PlanInput | null;
  lang: Lang;
  onVillage(code: string): void;
}

function VillageList({ villages, lang, onVillage }: { villages: PlanVillage[]; lang: Lang; onVillage(code: string): void }) {
  const { t } = useTranslation();
  return (
    <ul className="plan-villages">
      {villages.map((v) => (
        <li key={v.code}>
          <button type="button" className="link" onClick={() => onVillage(v.code)}>
            {v.name}
          </button>
          <span className="muted"> · {v.districtName}</span>
          {v.distanceMeters != null && <span className="muted"> · {formatDistance(v.distanceMeters, lang)}</span>}
          <span className="num"> {t("planner.uncoveredN", { n: formatInt(v.uncovered, lang) })}</span>
        </li>
      ))}
    </ul>
  );
}

export function PlanResults({ plan, input, lang, onVillage }: Props) {
  const { t } = useTranslation();
  const { totals, parameters: p } = plan;
  const max = p.budget ?? totals.premiumCost;
  return (
    <section className="plan-results" aria-label={t("planner.results")}>
      <dl className="plan-totals">
        {planTotal("sites", t("planner.sitesChosen"), formatInt(plan.sites.length, lang))}
        {planTotal(
          "uncoveredReached",
          t("planner.uncoveredReached"),
          `${formatInt(totals.uncoveredReached, lang)} / ${formatInt(totals.uncoveredInRegion, lang)}`,
        )}
        {planTotal("expectedEnrollments", t("planner.expectedEnrollments"), formatInt(totals.expectedEnrollments, lang))}
        {planTotal("premiumCost", t("planner.premiumCost"), formatRupiah(totals.premiumCost, lang))}
        {p.budget != null && planTotal("budgetRemaining", t("planner.budgetRemaining"), formatRupiah(totals.budgetRemaining, lang))}
      </dl>
      {p.budget != null && <CostBar value={totals.premiumCost} max={p.budget} lang={lang} label={t("planner.budgetUsed")} />}
      <p className="stop-reason" data-reason={plan.stopReason}>
        {t(`planner.stop.${plan.stopReason}`)}
      </p>
      <p className="small muted" data-rate-source={p.enrollmentRateSource}>
        {t("planner.rateUsed", { rate: formatPercent(p.enrollmentRate, lang), source: t(`planner.rateSource.${p.enrollmentRateSource}`) })}{" "}
        {t("planner.window", { from: formatDate(p.from, lang), to: formatDate(p.to, lang), count: plan.candidateCount })}
      </p>

      {input && plan.sites.length > 0 && (
        <p className="small">
          <a href={`/export/field-sheet?lang=${lang}&plan=${encodeURIComponent(JSON.stringify(input))}`} target="_blank" rel="noopener">
            {t("planner.fieldSheetCurrent")}
          </a>
        </p>
      )}
      <h3>{t("planner.sites")}</h3>
      {plan.sites.length === 0 && (
        <p className="no-sites" data-reason={plan.candidateCount === 0 ? "NO_CANDIDATES" : plan.stopReason}>
          {plan.candidateCount === 0
            ? t("planner.noSites")
            : t(`planner.noSites.${plan.stopReason}`, {
                count: plan.candidateCount,
                cost: formatRupiah(p.monthlyPremium * p.months, lang),
              })}
        </p>
      )}
      <ol className="plan-sites">
        {plan.sites.map((s) => (
          <li key={s.code} className="plan-site" data-order={s.order} data-code={s.code}>
            <div className="plan-site-head">
              <span className="site-badge" aria-hidden="true">
                {s.order}
              </span>
              <div>
                <strong>{s.name}</strong>
                <div className="small muted">
                  {t(`planner.kind.${s.kind}`)} · {s.villageName}, {s.districtName} ·{" "}
                  <time dateTime={s.date ?? undefined}>{formatDate(s.date, lang)}</time>
                </div>
              </div>
            </div>
            <dl className="site-figures small">
              <div>
                <dt>{t("planner.villagesReached")}</dt>
                <dd>{formatInt(s.villages.length, lang)}</dd>
              </div>
              <div>
                <dt>{t("planner.uncoveredReached")}</dt>
                <dd>{formatInt(s.uncoveredReached, lang)}</dd>
              </div>
              <div>
                <dt>{t("planner.expectedEnrollments")}</dt>
                <dd>{formatInt(s.expectedEnrollments, lang)}</dd>
              </div>
              <div>
                <dt>{t("planner.premiumCost")}</dt>
                <dd>{formatRupiah(s.premiumCost, lang)}</dd>
              </div>
            </dl>
            <div className="small">
              {t("planner.runningTotal", {
                cost: formatRupiah(s.cumulativeCost, lang),
                enrollments: formatInt(s.cumulativeExpectedEnrollments, lang),
              })}
              {s.budgetLimited && <strong className="warn"> · {t("planner.budgetLimited")}</strong>}
            </div>
            <CostBar
              value={s.cumulativeCost}
              max={max}
              lang={lang}
              label={t(p.budget != null ? "planner.budgetUsedAfter" : "planner.costShareAfter", { order: s.order })}
            />
            <details>
              <summary>{t("planner.showVillages", { count: s.villages.length })}</summary>
              <VillageList villages={s.villages} lang={lang} onVillage={onVillage} />
            </details>
          </li>
        ))}
      </ol>

      <h3>{t("planner.coverageAfter")}</h3>
      <BeforeAfterTable
        head={t("planner.region")}
        lang={lang}
        attr="data-code"
        rows={plan.coverageAfter.map((r, i) => ({
          key: r.code,
          // The regency and its district of the same name are told apart: Kabupaten / Kecamatan Bangkalan.
          label: t(`regionTitle.${r.level === "REGENCY" || r.level === "DISTRICT" ? r.level : "VILLAGE"}`, { name: r.name }),
          before: r.rateBefore,
          after: r.rateAfter,
          added: r.expectedNew,
          total: i === 0,
        }))}
      />

      <h3>{t("planner.leftOut", { count: plan.villagesLeftOut.length })}</h3>
      <details className="left-out">
        <summary>
          {t("planner.leftOutSummary", {
            n: formatInt(
              plan.villagesLeftOut.reduce((a, v) => a + (v.uncovered ?? 0), 0),
              lang,
            ),
          })}
        </summary>
        <VillageList villages={plan.villagesLeftOut} lang={lang} onVillage={onVillage} />
      </details>
    </section>
  );
}
