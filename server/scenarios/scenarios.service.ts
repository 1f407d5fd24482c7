import type { Database } from "../db/database.ts";
import { badInput, notFound } from "../common/errors.ts";
import type { CoverageService } from "../coverage/coverage.service.ts";
import type { PlannerService } from "../planner/planner.service.ts";
import type { RegionService } from "../regions/region.service.ts";
import { activeCounts, buildScenario, fundableBySource, type ActiveRow, type HiddenCounts } from "./scenario.ts";
import { patternOptions, type Disclosure, type DisclosureService } from "../disclosure/disclosure.service.ts";
import { patternOver } from "../disclosure/rule.ts";
import type { FundingSource, Sector } from "../../domain/vocabulary.ts";
import type { FundingScenarioResult, SavedFundingScenario, ScenarioInput, ScenarioParameters } from "./scenarios.types.ts";
import * as q from "./scenarios.sql.ts";

/** Funding scenarios for next year: renewal cost, new coverage by source; saved and compared like plans. */
export class ScenarioService {
  constructor(
    private readonly db: Database,
    private readonly regions: RegionService,
    private readonly coverage: CoverageService,
    private readonly planner: PlannerService,
    private readonly disclosure: DisclosureService,
  ) {}

  /** `disclosure`: the request's unless given (a saved scenario is computed as every reader may see it). */
  async scenario(input: ScenarioInput, disclosure: Disclosure = this.disclosure.disclosure): Promise<FundingScenarioResult> {
    const p = await this.parameters(input);
    const active = await this.db.sql.query<ActiveRow>(q.ACTIVE_BY_SOURCE, [p.period, p.regionCode, p.sectors]);
    const costPerWorker = p.monthlyPremium * p.months;
    const workers = fundableBySource(p.funding, costPerWorker).reduce((a, b) => a + b, 0);
    const budget = await this.planner.budget(
      {
        budget: workers * costPerWorker,
        rule: p.rule,
        sectors: p.sectors,
        monthlyPremium: p.monthlyPremium,
        months: p.months,
        regionCode: p.regionCode,
        period: p.period,
      },
      disclosure,
    );
    return buildScenario(p, active, budget, await this.hidden(p, active, disclosure));
  }

  /**
   * The renewal counts suppressed. Active workers of a sector in the region are the region's
   * coverage cell (enrolled at the end of the period): suppressed as coverage suppresses it. Their
   * sum over the scenario's sectors is published only when no sector in it is suppressed. The payers
   * split that sum: the rule over the one equation total = sum of payers (the total suppressed
   * already when it is), so no payer comes back by subtraction.
   */
  private async hidden(p: ScenarioParameters, active: readonly ActiveRow[], disclosure: Disclosure): Promise<HiddenCounts | undefined> {
    if (!disclosure.suppress || disclosure.minCellSize <= 1) return undefined;
    const pattern = await this.disclosure.patternFor(p.period, disclosure);
    const counts = activeCounts(active);
    const sectors = new Set<Sector>([...counts.bySector.keys()].filter((s) => pattern.isSuppressed(p.regionCode ?? "", s)));
    const total = sectors.size > 0;
    const cells = new Map([...counts.bySource].map(([source, n]) => [source as string, { enrolled: n }]));
    cells.set("total", { enrolled: counts.total });
    const keys = patternOver(
      cells,
      [{ total: "total", parts: [...counts.bySource.keys()] }],
      disclosure.minCellSize,
      patternOptions,
      total ? ["total"] : [],
    );
    return { sectors, total, sources: new Set([...counts.bySource.keys()].filter((s): s is FundingSource => keys.has(s))) };
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
    // Saved scenarios are read by everyone: computed on the published cells whenever any are suppressed.
    const { minCellSize } = this.disclosure.disclosure;
    const scenario = await this.scenario(input, { minCellSize, suppress: minCellSize > 1 });
    const row = await this.db.prisma.fundingScenario.create({
      data: { name: name.trim(), params: JSON.parse(JSON.stringify(scenario.parameters)), result: JSON.parse(JSON.stringify(scenario)) },
    });
    return this.saved(row.id);
  }

  /** Saved scenarios, newest first; `ids`: only these (to compare them side by side). */
  async savedScenarios(ids: number[] | null): Promise<SavedFundingScenario[]> {
    return (await this.db.sql.query<SavedFundingScenario>(q.SAVED_SCENARIOS, [ids])).map(withSuppressedFlags);
  }

  async saved(id: number): Promise<SavedFundingScenario> {
    const [row] = await this.savedScenarios([id]);
    if (!row) throw notFound(`id: no saved funding scenario ${id}.`);
    return row;
  }
}

/** Scenarios saved before disclosure control covered them have no `suppressed` flags: none was. */
function withSuppressedFlags(saved: SavedFundingScenario): SavedFundingScenario {
  const flag = <V extends { suppressed?: boolean }>(v: V) => ({ ...v, suppressed: v.suppressed ?? false });
  const r = saved.scenario.renewal;
  return {
    ...saved,
    scenario: { ...saved.scenario, renewal: { ...flag(r), bySource: r.bySource.map(flag), bySector: r.bySector.map(flag) } },
  };
}
