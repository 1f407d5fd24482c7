import { describe, expect, it } from "vitest";
import { buildScenario } from "../../server/scenarios/scenario.ts";
import type { BudgetView } from "../../server/planner/planner.types.ts";

const budget = (funded: number): BudgetView => ({
  rule: "LARGEST_UNCOVERED",
  costPerWorker: 100,
  fundableWorkers: funded,
  funded,
  budgetUsed: funded * 100,
  budgetRemaining: 0,
  allocations: [],
  coverageBySector: [],
});

const parameters = {
  monthlyPremium: 10,
  months: 10,
  rule: "LARGEST_UNCOVERED" as const,
  sectors: ["FARMER" as const, "FISHER" as const],
  regionCode: null,
  period: "2025-09",
  funding: [
    { source: "DBHCHT" as const, amount: 1_050 },
    { source: "DANA_DESA" as const, amount: 399 },
  ],
};

describe("buildScenario", () => {
  const active = [
    { source: "DBHCHT" as const, sector: "FARMER" as const, active: 7 },
    { source: "DBHCHT" as const, sector: "FISHER" as const, active: 3 },
    { source: "SELF" as const, sector: "FARMER" as const, active: 2 },
  ];

  it("costs renewing every active worker by payer and by sector at premium x months", () => {
    const s = buildScenario(parameters, active, budget(13));
    expect(s.costPerWorker).toBe(100);
    expect(s.renewal).toEqual({
      active: 12,
      cost: 1_200,
      // No disclosure control asked for here: nothing withheld.
      suppressed: false,
      bySource: [
        { source: "DBHCHT", active: 10, cost: 1_000, suppressed: false },
        { source: "SELF", active: 2, cost: 200, suppressed: false },
      ],
      bySector: [
        { sector: "FARMER", active: 9, cost: 900, suppressed: false },
        { sector: "FISHER", active: 3, cost: 300, suppressed: false },
      ],
    });
    // 1,050 funds 10 workers (50 left), 399 funds 3 (99 left).
    expect(s.newCoverage).toEqual([
      { source: "DBHCHT", amount: 1_050, workers: 10, cost: 1_000, unspent: 50 },
      { source: "DANA_DESA", amount: 399, workers: 3, cost: 300, unspent: 99 },
    ]);
    expect(s.totalCost).toBe(2_500);
  });

  it("spends the first source first when fewer workers are left uncovered than the money funds", () => {
    const s = buildScenario(parameters, active, budget(11));
    expect(s.newCoverage.map((n) => [n.workers, n.unspent])).toEqual([
      [10, 50],
      [1, 299],
    ]);
    expect(s.newWorkers).toBe(11);
  });
});
