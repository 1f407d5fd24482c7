// Saved plans side by side: reach, expected enrollments, cost, coverage after.
import { useTranslation } from "react-i18next";
import { formatDate, formatDecimal, formatInt, formatPercent, formatRupiah } from "../format.ts";
import type { Lang } from "../url-state.ts";
import { CompareTable } from "./compare-table.tsx";
import type { SavedPlan } from "./plan-queries.ts";

export function PlanCompare({ plans, lang }: { plans: SavedPlan[]; lang: Lang }) {
  const { t } = useTranslation();
  const rows: [string, string, (p: SavedPlan) => string][] = [
    ["sectors", t("planner.sectors"), (p) => p.plan.parameters.sectors.map((s) => t(`sector.${s}`)).join(", ")],
    ["window", t("planner.dates"), (p) => `${formatDate(p.plan.parameters.from, lang)} – ${formatDate(p.plan.parameters.to, lang)}`],
    ["maxDistanceKm", t("planner.maxDistance"), (p) => formatDecimal(p.plan.parameters.maxDistanceKm, lang)],
    ["sites", t("planner.sitesChosen"), (p) => formatInt(p.plan.sites.length, lang)],
    ["uncoveredReached", t("planner.uncoveredReached"), (p) => formatInt(p.plan.totals.uncoveredReached, lang)],
    ["expectedEnrollments", t("planner.expectedEnrollments"), (p) => formatInt(p.plan.totals.expectedEnrollments, lang)],
    ["premiumCost", t("planner.premiumCost"), (p) => formatRupiah(p.plan.totals.premiumCost, lang)],
    [
      "budget",
      t("planner.budget"),
      (p) => (p.plan.parameters.budget == null ? t("planner.noLimit") : formatRupiah(p.plan.parameters.budget, lang)),
    ],
    [
      "rateAfter",
      t("planner.coverageAfterShort"),
      (p) => {
        const r = p.plan.coverageAfter[0];
        return r ? `${formatPercent(r.rateBefore, lang)} → ${formatPercent(r.rateAfter, lang)}` : "–";
      },
    ],
    ["leftOut", t("planner.leftOutShort"), (p) => formatInt(p.plan.villagesLeftOut.length, lang)],
  ];
  return <CompareTable items={plans} rows={rows} caption={t("planner.compareCaption")} kind="plan" className="" />;
}
