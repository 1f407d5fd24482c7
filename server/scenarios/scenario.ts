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

export function buildScenario(parameters: ScenarioParameters, active: readonly ActiveRow[], budget: BudgetView): FundingScenarioResult {
  const costPerWorker = parameters.monthlyPremium * parameters.months;
  const total = (rows: readonly ActiveRow[]) => rows.reduce((s, r) => s + r.active, 0);
  const group = <K extends "source" | "sector">(key: K) =>
    [...new Set(active.map((r) => r[key]))].map((value) => {
      const n = total(active.filter((r) => r[key] === value));
      return { [key]: value, active: n, cost: n * costPerWorker } as { [P in K]: ActiveRow[K] } & { active: number; cost: number };
    });
  const fundable = fundableBySource(parameters.funding, costPerWorker);
  let left = budget.funded;
  const newCoverage: NewCoverageBySource[] = parameters.funding.map((f, i) => {
    const workers = Math.min(fundable[i]!, left);
    left -= workers;
    return { source: f.source, amount: f.amount, workers, cost: workers * costPerWorker, unspent: f.amount - workers * costPerWorker };
  });
  const renewalActive = total(active);
  return {
    parameters,
    costPerWorker,
    renewal: {
      active: renewalActive,
      cost: renewalActive * costPerWorker,
      bySource: group("source"),
      bySector: group("sector"),
    },
    newCoverage,
    newWorkers: budget.funded,
    totalCost: (renewalActive + budget.funded) * costPerWorker,
    coverageBySector: budget.coverageBySector,
    method: SCENARIO_METHOD,
  };
}
