// A funding scenario from active workers by payer and a budget view of the extra money. Pure.
import type { FundingSource, Sector } from "../../domain/vocabulary.ts";
import type { BudgetView } from "../planner/planner.types.ts";
import type { FundingScenarioResult, NewCoverageBySource, ScenarioParameters } from "./scenarios.types.ts";

export const SCENARIO_METHOD =
  "Renewal: every worker active at the end of the period is renewed for the months funded at the monthly premium (active x premium x months), " +
  "paid by whoever pays today. New coverage: each source's money funds floor(amount / (premium x months)) workers; the sources' workers together " +
  "go to uncovered workers village by village under the rule (as budgetView does), the first source's money spent first; money that finds no " +
  "uncovered worker is left unspent. Coverage after = enrolled now + new workers (renewals keep coverage; lapses are not forecast).";

export interface ActiveRow {
  source: FundingSource;
  sector: Sector;
  active: number;
}

/** Workers each source's money can fund, in the order given. */
export const fundableBySource = (funding: ScenarioParameters["funding"], costPerWorker: number): number[] =>
  funding.map((f) => Math.floor(f.amount / costPerWorker));

/** Which renewal counts are suppressed (server/disclosure; see ScenarioService.hidden). */
export interface HiddenCounts {
  sectors: ReadonlySet<Sector>;
  sources: ReadonlySet<FundingSource>;
  total: boolean;
}

const NOTHING_HIDDEN: HiddenCounts = { sectors: new Set(), sources: new Set(), total: false };

/** Active workers per sector and per source, and all together. */
export function activeCounts(active: readonly ActiveRow[]) {
  const total = (rows: readonly ActiveRow[]) => rows.reduce((s, r) => s + r.active, 0);
  const by = <K extends "source" | "sector">(key: K) =>
    new Map([...new Set(active.map((r) => r[key]))].map((value) => [value, total(active.filter((r) => r[key] === value))] as const));
  return { bySector: by("sector"), bySource: by("source"), total: total(active) };
}

export function buildScenario(
  parameters: ScenarioParameters,
  active: readonly ActiveRow[],
  budget: BudgetView,
  hidden: HiddenCounts = NOTHING_HIDDEN,
): FundingScenarioResult {
  const costPerWorker = parameters.monthlyPremium * parameters.months;
  const counts = activeCounts(active);
  const figures = (n: number, suppressed: boolean) => ({
    active: suppressed ? null : n,
    cost: suppressed ? null : n * costPerWorker,
    suppressed,
  });
  const fundable = fundableBySource(parameters.funding, costPerWorker);
  let left = budget.funded;
  const newCoverage: NewCoverageBySource[] = parameters.funding.map((f, i) => {
    const workers = Math.min(fundable[i]!, left);
    left -= workers;
    return { source: f.source, amount: f.amount, workers, cost: workers * costPerWorker, unspent: f.amount - workers * costPerWorker };
  });
  return {
    parameters,
    costPerWorker,
    renewal: {
      ...figures(counts.total, hidden.total),
      bySource: [...counts.bySource].map(([source, n]) => ({ source, ...figures(n, hidden.sources.has(source)) })),
      bySector: [...counts.bySector].map(([sector, n]) => ({ sector, ...figures(n, hidden.sectors.has(sector)) })),
    },
    newCoverage,
    newWorkers: budget.funded,
    totalCost: hidden.total ? null : (counts.total + budget.funded) * costPerWorker,
    coverageBySector: budget.coverageBySector,
    method: SCENARIO_METHOD,
  };
}
