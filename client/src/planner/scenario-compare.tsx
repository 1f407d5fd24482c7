// Saved funding scenarios side by side: money by source, renewal, new coverage, total, coverage after.
import { useTranslation } from "react-i18next";
import { formatInt, formatPercent, formatRupiah } from "../format.ts";
import type { Lang } from "../url-state.ts";
import { CompareTable } from "./compare-table.tsx";
import type { SavedScenario } from "./scenario-queries.ts";

export function ScenarioCompare({ scenarios, lang }: { scenarios: SavedScenario[]; lang: Lang }) {
  const { t } = useTranslation();
  const withheld = t("scenarios.withheld");
  const rows: [string, string, (s: SavedScenario) => string][] = [
    ["region", t("scenarios.region"), ({ scenario: s }) => s.parameters.regionCode ?? t("scenarios.everywhere")],
    ["period", t("scenarios.period"), ({ scenario: s }) => s.parameters.period],
    [
      "funding",
      t("scenarios.funding"),
      ({ scenario: s }) => s.parameters.funding.map((f) => `${t(`funding.${f.source}`)} ${formatRupiah(f.amount, lang)}`).join(", ") || "–",
    ],
    [
      "renewalActive",
      t("scenarios.renewalActive"),
      ({ scenario: s }) => (s.renewal.active === null ? withheld : formatInt(s.renewal.active, lang)),
    ],
    [
      "renewalCost",
      t("scenarios.renewalCost"),
      ({ scenario: s }) => (s.renewal.cost === null ? withheld : formatRupiah(s.renewal.cost, lang)),
    ],
    ["newWorkers", t("scenarios.newWorkers"), ({ scenario: s }) => formatInt(s.newWorkers, lang)],
    ["totalCost", t("scenarios.totalCost"), ({ scenario: s }) => (s.totalCost === null ? withheld : formatRupiah(s.totalCost, lang))],
    [
      "coverageAfter",
      t("planner.coverageAfterShort"),
      ({ scenario: s }) =>
        s.coverageBySector
          .map((c) => `${t(`sector.${c.sector}`)} ${formatPercent(c.rateBefore, lang)} → ${formatPercent(c.rateAfter, lang)}`)
          .join("; "),
    ],
  ];
  return (
    <CompareTable items={scenarios} rows={rows} caption={t("scenarios.compareCaption")} kind="scenario" className="scenario-compare" />
  );
}
