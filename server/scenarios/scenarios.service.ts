import type { Database } from "../db/database.ts";
import { badInput, notFound } from "../common/errors.ts";
import type { CoverageService } from "../coverage/coverage.service.ts";
import type { PlannerService } from "../planner/planner.service.ts";
import type { RegionService } from "../regions/region.service.ts";
import { buildScenario, fundableBySource, type ActiveRow } from "./scenario.ts";
import type { FundingScenarioResult, SavedFundingScenario, ScenarioInput, ScenarioParameters } from "./scenarios.types.ts";
import * as q from "./scenarios.sql.ts";

/** Funding scenarios for next year: renewal cost, new coverage by source; saved and compared like plans. */
export class ScenarioService {
  constructor(
    private readonly db: Database,
    private readonly regions: RegionService,
    private readonly coverage: CoverageService,
    private readonly planner: PlannerService,
  ) {}

  async scenario(input: ScenarioInput): Promise<FundingScenarioResult> {
    const p = await this.parameters(input);
    const active = await this.db.sql.query<ActiveRow>(q.ACTIVE_BY_SOURCE, [p.period, p.regionCode, p.sectors]);
    const costPerWorker = p.monthlyPremium * p.months;
    const workers = fundableBySource(p.funding, costPerWorker).reduce((a, b) => a + b, 0);
    const budget = await this.planner.budget({
      budget: workers * costPerWorker,
      rule: p.rule,
      sectors: p.sectors,
      monthlyPremium: p.monthlyPremium,
      months: p.months,
      regionCode: p.regionCode,
      period: p.period,
    });
    return buildScenario(p, active, budget);
  }

  private async parameters(input: ScenarioInput): Promise<ScenarioParameters> {
    const seen = new Set<string>();
    for (const f of input.funding) {
      if (seen.has(f.source)) throw badInput("input.funding", `input.funding names ${f.source} twice: give each source once.`);
      seen.add(f.source);
    }
    if (input.regionCode) await this.regions.require(input.regionCode, "input.regionCode");
    return {
      monthlyPremium: input.monthlyPremium,
      months: input.months,
      funding: input.funding.map((f) => ({ source: f.source, amount: f.amount })),
      rule: input.rule,
      sectors: [...new Set(input.sectors)],
      regionCode: input.regionCode ?? null,
      period: await this.coverage.resolvePeriod(input.period, "input.period"),
    };
  }

  async save(name: string, input: ScenarioInput): Promise<SavedFundingScenario> {
    if (!name.trim()) throw badInput("name", "name is empty.");
    const scenario = await this.scenario(input);
    const row = await this.db.prisma.fundingScenario.create({
      data: { name: name.trim(), params: JSON.parse(JSON.stringify(scenario.parameters)), result: JSON.parse(JSON.stringify(scenario)) },
    });
    return this.saved(row.id);
  }

  /** Saved scenarios, newest first; `ids`: only these (to compare them side by side). */
  async savedScenarios(ids: number[] | null): Promise<SavedFundingScenario[]> {
    return this.db.sql.query<SavedFundingScenario>(q.SAVED_SCENARIOS, [ids]);
  }

  async saved(id: number): Promise<SavedFundingScenario> {
    const [row] = await this.savedScenarios([id]);
    if (!row) throw notFound(`id: no saved funding scenario ${id}.`);
    return row;
  }
}
