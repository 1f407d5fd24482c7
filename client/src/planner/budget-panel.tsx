// The budget view: how many more workers a premium budget funds, which villages first under a rule,
// and the coverage by sector that results.
import { useId, useState } from "react";
import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { formatInt, formatPercent, formatRupiah } from "../format.ts";
import type { Lang } from "../url-state.ts";
import { BeforeAfterTable } from "./before-after-table.tsx";
import { CostBar } from "./cost-bar.tsx";
import { AmountHint, formatAmount, readAmount } from "./amount.tsx";
import { BUDGET_VIEW } from "./plan-queries.ts";
import { planTotal } from "./plan-total.tsx";
import { ALLOCATION_RULES, type AllocationRule, type PlanForm } from "./plan-state.ts";

interface Props {
  form: PlanForm;
  lang: Lang;
  update(patch: Partial<PlanForm>): void;
  onVillage(code: string): void;
  /** The region viewed: the budget is spent within it. */
  regionCode: string | null;
}

const SHOWN = 15;

export function BudgetPanel({ form, lang, update, onVillage, regionCode }: Props) {
  const { t } = useTranslation();
  const ruleId = useId();
  const budgetId = useId();
  const [budget, setBudget] = useState(formatAmount(form.budget, lang));
  const amount = readAmount(budget, lang);
  const input =
    form.budget == null
      ? null
      : {
          budget: form.budget,
          rule: form.rule,
          sectors: form.sectors,
          monthlyPremium: form.monthlyPremium,
          months: form.months,
          regionCode,
        };
  const { data, error, loading } = useQuery(BUDGET_VIEW, { variables: { input: input! }, skip: !input });
  const view = input ? data?.budgetView : undefined;
  return (
    <section className="budget-panel" aria-label={t("planner.tab.budget")}>
      <form
        className="plan-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!("error" in amount)) update({ budget: amount.value });
        }}
      >
        <div className="field">
          <label htmlFor={budgetId}>{t("planner.budget")}</label>
          <input
            id={budgetId}
            name="budgetView"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            required
            aria-invalid={"error" in amount}
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
          />
          <AmountHint amount={amount} lang={lang} blank={t("planner.budgetNeeded")} />
        </div>
        <div className="field">
          <label htmlFor={ruleId}>{t("planner.rule")}</label>
          <select id={ruleId} name="rule" value={form.rule} onChange={(e) => update({ rule: e.target.value as AllocationRule })}>
            {ALLOCATION_RULES.map((r) => (
              <option key={r} value={r}>
                {t(`planner.rule.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          {t("planner.apply")}
        </button>
      </form>
      <p className="small muted">
        {t("planner.budgetSectors", {
          sectors: form.sectors.map((s) => t(`sector.${s}`)).join(", "),
          premium: formatRupiah(form.monthlyPremium, lang),
          months: form.months,
        })}
      </p>
      {error && (
        <p className="error" role="alert">
          {t("error", { message: error.message })}
        </p>
      )}
      {loading && <p className="muted">{t("loading")}</p>}
      {view && (
        <>
          <dl className="plan-totals">
            {planTotal("costPerWorker", t("planner.costPerWorker"), formatRupiah(view.costPerWorker, lang))}
            {planTotal("fundableWorkers", t("planner.fundable"), formatInt(view.fundableWorkers, lang))}
            {planTotal("funded", t("planner.funded"), formatInt(view.funded, lang))}
            {planTotal("budgetRemaining", t("planner.budgetRemaining"), formatRupiah(view.budgetRemaining, lang))}
          </dl>
          <CostBar value={view.budgetUsed} max={view.budgetUsed + view.budgetRemaining} lang={lang} label={t("planner.budgetUsed")} />
          <h3>{t("planner.coverageBySector")}</h3>
          <BeforeAfterTable
            head={t("sector")}
            lang={lang}
            attr="data-sector"
            rows={view.coverageBySector.map((s) => ({
              key: s.sector,
              label: t(`sector.${s.sector}`),
              before: s.rateBefore,
              after: s.rateAfter,
              added: s.enrolledAfter - s.enrolledBefore,
            }))}
          />
          <h3>{t("planner.fundedFirst", { count: view.allocations.length })}</h3>
          <ol className="plan-villages allocations">
            {view.allocations.slice(0, SHOWN).map((a) => (
              <li key={`${a.villageCode}-${a.sector}`}>
                <button type="button" className="link" onClick={() => onVillage(a.villageCode)}>
                  {a.villageName}
                </button>
                <span className="muted">
                  {" "}
                  · {a.districtName} · {t(`sector.${a.sector}`)}
                </span>
                <span className="num">
                  {" "}
                  {formatInt(a.funded, lang)} · {formatPercent(a.rateBefore, lang)} → {formatPercent(a.rateAfter, lang)}
                </span>
              </li>
            ))}
          </ol>
          {view.allocations.length > SHOWN && (
            <p className="small muted">{t("planner.andMore", { count: view.allocations.length - SHOWN })}</p>
          )}
        </>
      )}
    </section>
  );
}
