// The planner view's side panel: plan inputs and results, the budget view, saved plans.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TabList } from "../tab-list.tsx";
import type { Lang } from "../url-state.ts";
import { BudgetPanel } from "./budget-panel.tsx";
import { PlanFormView } from "./plan-form.tsx";
import { PlanResults } from "./plan-results.tsx";
import { PLANNER_TABS, type PlanForm } from "./plan-state.ts";
import { SavedPlans } from "./saved-plans.tsx";
import { FundingScenarios } from "./funding-scenarios.tsx";
import type { usePlanner } from "./use-planner.ts";
import { canPlan, useMe } from "../people/me.ts";
import "./planner.css";

interface Props {
  form: PlanForm;
  planner: ReturnType<typeof usePlanner>;
  lang: Lang;
  update(patch: Partial<PlanForm>): void;
  onVillage(code: string): void;
  /** The region viewed: the plan and the budget are made within it. */
  regionCode: string | null;
  /** The choropleth's legend, which the planner's map still shows. */
  legend: ReactNode;
  /** The server accepts mutations (ADMIN_TOKEN set): plans can be saved. */
  mutationsEnabled: boolean;
}

function PlanLegend() {
  const { t } = useTranslation();
  return (
    <ul className="plan-legend small" aria-label={t("legend")}>
      <li>
        <span className="swatch plan-swatch-site" aria-hidden="true">
          1
        </span>
        {t("planner.legend.site")}
      </li>
      <li>
        <span className="swatch plan-swatch-reach" aria-hidden="true" />
        {t("planner.legend.reach")}
      </li>
      <li>
        <span className="swatch plan-swatch-reached" aria-hidden="true" />
        {t("planner.legend.reached")}
      </li>
      <li>
        <span className="swatch plan-swatch-left-out" aria-hidden="true" />
        {t("planner.legend.leftOut")}
      </li>
    </ul>
  );
}

export function PlannerPanel({ form, planner, lang, update, onVillage, regionCode, legend, mutationsEnabled }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const mayPlan = canPlan(me);
  // The form starts again from the URL state whenever that changes (a shared link, a saved plan).
  const formKey = JSON.stringify([
    form.sectors,
    form.sessions,
    form.maxDistanceKm,
    form.candidates,
    form.from,
    form.to,
    form.enrollmentRate,
    form.budget,
    form.monthlyPremium,
    form.months,
    lang, // amounts are written in the language's convention
  ]);
  return (
    <aside className="planner-panel" aria-label={t("planner.title")}>
      <h2>{t("planner.title")}</h2>
      <TabList
        name="planner"
        label={t("planner.title")}
        tabs={PLANNER_TABS}
        current={form.tab}
        panelId={() => "planner-tabpanel"}
        onChange={(tab) => update({ tab })}
      />
      <div id="planner-tabpanel" role="tabpanel" aria-labelledby={`planner-tab-${form.tab}`}>
        {!mayPlan && form.tab !== "saved" && form.tab !== "scenarios" && (
          <p className="notice" role="note" data-needs-role="plan">
            {t("people.planNeedsRole")}
          </p>
        )}
        {mayPlan && form.tab === "plan" && (
          <>
            <PlanFormView key={formKey} form={form} season={planner.season} lang={lang} onSubmit={update} />
            <PlanLegend />
            {planner.error && (
              <p className="error" role="alert">
                {t("error", { message: planner.error.message })}
              </p>
            )}
            {planner.loading && (
              <p className="muted" role="status">
                {t("planner.planning")}
              </p>
            )}
            {planner.result && <PlanResults plan={planner.result} input={planner.input} lang={lang} onVillage={onVillage} />}
          </>
        )}
        {mayPlan && form.tab === "budget" && (
          <BudgetPanel
            key={`${form.budget}-${lang}`}
            form={form}
            lang={lang}
            update={update}
            onVillage={onVillage}
            regionCode={regionCode}
          />
        )}
        {form.tab === "saved" && (
          <SavedPlans
            input={planner.input}
            compare={form.compare}
            lang={lang}
            mutationsEnabled={mutationsEnabled}
            onCompare={(compare) => update({ compare })}
          />
        )}
        {form.tab === "scenarios" && <FundingScenarios regionCode={regionCode} lang={lang} />}
      </div>
      <div className="planner-map-legend">{legend}</div>
    </aside>
  );
}
