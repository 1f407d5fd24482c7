import type { Database } from "../db/database.ts";
import type { HeavyWork } from "../common/heavy-work.ts";
import { isoDay, orderedDays } from "../common/args.ts";
import { badInput, notFound } from "../common/errors.ts";
import { CandidateSites, PlanTarget, RateSource, type Sector } from "../../domain/vocabulary.ts";
import { DEFAULT_ENROLLMENT_RATE } from "../../domain/bounds.ts";
import type { CoverageService } from "../coverage/coverage.service.ts";
import type { RegionService } from "../regions/region.service.ts";
import type { RenewalService } from "../renewals/renewals.service.ts";
import type { RegionScope } from "../people/region-scope.ts";
import { allocateBudget, type GapUnit } from "./budget.ts";
import { buildPlan, workersToReach, type CandidateRow, type ProjectionRegion, type VillageGap } from "./plan.ts";
import {
  type BudgetInput,
  type BudgetView,
  type OutreachPlanResult,
  type PlanInput,
  type PlanParameters,
  type SavedPlan,
} from "./planner.types.ts";
import * as q from "./planner.sql.ts";
import type { Disclosure, DisclosureService } from "../disclosure/disclosure.service.ts";

interface GapRow extends Omit<VillageGap, "workforce" | "enrolled" | "uncovered" | "suppressed"> {
  sector: Sector | null;
  workforce: number;
  enrolled: number;
  uncovered: number;
  /** The cell is suppressed (server/disclosure): its figures are zeroed and left out. */
  suppressed?: boolean;
}

/** Outreach planning (where to hold sessions) and budget allocation, on the coverage summary. */
export class PlannerService {
  constructor(
    private readonly db: Database,
    private readonly regions: RegionService,
    private readonly coverage: CoverageService,
    private readonly disclosure: DisclosureService,
    private readonly renewals: RenewalService,
    /** Plans and budget views run here: bounded concurrency, a busy error when the queue is full. */
    private readonly heavy: HeavyWork,
    /** Where the requester may plan: every plan, budget view, save and session created is checked against it. */
    private readonly allowed: RegionScope,
    /** Aborts when the client abandons the request: queued work never starts, running SQL is cancelled. */
    private readonly signal?: AbortSignal,
  ) {}

  /** `disclosure`: the request's unless given (a saved plan is computed as every reader may see it). */
  async plan(input: PlanInput, disclosure: Disclosure = this.disclosure.disclosure): Promise<OutreachPlanResult> {
    return this.heavy.run("plans", this.signal, async () => {
      const p = await this.parameters(input);
      // One statement after another, with a pause between on embedded PGlite (see HeavyWork.pause).
      const candidates = await this.query<CandidateRow>(q.CANDIDATES, [
        p.regionCode,
        p.from,
        p.to,
        p.maxDistanceKm * 1000,
        p.candidates === CandidateSites.FERTILIZER_POINTS_AND_VILLAGES,
      ]);
      const gaps = await this.targeted(await this.gaps(p.regionCode, p.period, p.sectors, disclosure.suppress), p, disclosure);
      const projection = await this.query<ProjectionRegion>(q.PROJECTION_REGIONS, [p.regionCode]);
      return buildPlan(p, candidates, villageTotals(gaps), projection);
    });
  }

  /** `disclosure`: the request's unless given (a saved funding scenario: as every reader sees it). */
  async budget(input: BudgetInput, disclosure: Disclosure = this.disclosure.disclosure): Promise<BudgetView> {
    return this.heavy.run("plans", this.signal, async () => {
      const { sectors, period } = await this.scope(input);
      // Suppressed cells are left out: funding one would give its uncovered count back.
      const units = (await this.gaps(input.regionCode ?? null, period, sectors, disclosure.suppress))
        .filter((g): g is GapRow & { sector: Sector } => g.sector !== null && !g.suppressed)
        .map<GapUnit>((g) => ({ ...g, villageCode: g.code, villageName: g.name, sector: g.sector }));
      return allocateBudget(input.rule, input.budget, input.monthlyPremium * input.months, units, sectors);
    });
  }

  private async query<T>(text: string, params: unknown[]): Promise<T[]> {
    await this.heavy.pause();
    return this.db.sql.query<T>(text, params, { signal: this.signal });
  }

  async save(name: string, input: PlanInput): Promise<SavedPlan> {
    if (!name.trim()) throw badInput("name", "name is empty.");
    // Saved plans are read by everyone: computed on the published cells whenever any are suppressed.
    const plan = await this.plan(input, { ...this.disclosure.disclosure, suppress: this.disclosure.disclosure.minCellSize > 1 });
    const row = await this.db.prisma.outreachPlan.create({
      data: { name: name.trim(), params: JSON.parse(JSON.stringify(plan.parameters)), result: JSON.parse(JSON.stringify(plan)) },
    });
    return this.saved(row.id);
  }

  async savedPlans(): Promise<SavedPlan[]> {
    return (await this.db.sql.query<SavedPlan>(q.SAVED_PLANS, [null])).map((row) => withSuppressedFlags(withTargets(row)));
  }

  async saved(id: number): Promise<SavedPlan> {
    const [row] = await this.db.sql.query<SavedPlan>(q.SAVED_PLANS, [id]);
    if (!row) throw notFound(`id: no saved plan ${id}.`);
    return withSuppressedFlags(withTargets(row));
  }

  /** One planned outreach session per site of a saved plan, all or none. */
  async createSessions(id: number): Promise<number[]> {
    const saved = await this.saved(id);
    this.allowed.require(saved.plan.parameters.regionCode, "planId");
    for (const site of saved.plan.sites) this.allowed.require(site.villageCode, "planId");
    if (saved.sessionCount > 0)
      throw badInput("planId", `plan ${id} already has ${saved.sessionCount} session(s); it was turned into sessions before.`);
    const undated = saved.plan.sites.filter((s) => !s.date);
    if (undated.length) {
      throw badInput(
        "planId",
        `plan ${id} has sites without a date (${undated.map((s) => s.name).join(", ")}): plan with a date window first.`,
      );
    }
    if (saved.plan.sites.length === 0) throw badInput("planId", `plan ${id} has no sites.`);
    const sessions = await this.db.prisma.$transaction(
      saved.plan.sites.map((site) =>
        this.db.prisma.outreachSession.create({
          data: {
            title: `Sosialisasi BPJS Ketenagakerjaan: ${site.name}`,
            startsOn: new Date(`${site.date}T00:00:00Z`),
            endsOn: new Date(`${site.date}T00:00:00Z`),
            villageCode: site.villageCode,
            pointId: site.pointId,
            targetSectors: saved.plan.parameters.sectors,
            planId: id,
            notes: `${saved.name}, site ${site.order}: ${site.villages.length} village(s), ${site.uncoveredReached} uncovered workers reached, ${site.expectedEnrollments} expected enrollments.`,
          },
        }),
      ),
    );
    return sessions.map((s) => s.id);
  }

  /** The checks a plan and a budget view share: sectors, premium and months, region, period. */
  private async scope(input: PlanInput | BudgetInput): Promise<{ sectors: Sector[]; period: string }> {
    const sectors = uniqueSectors(input.sectors);
    this.allowed.require(input.regionCode, "input.regionCode");
    if (input.regionCode) await this.regions.require(input.regionCode, "input.regionCode");
    return { sectors, period: await this.coverage.resolvePeriod(input.period, "input.period") };
  }

  private async parameters(input: PlanInput): Promise<PlanParameters> {
    const from = isoDay(input.from, "input.from");
    const to = isoDay(input.to, "input.to");
    orderedDays(from, to, "input.from", "input.to");
    const { sectors, period } = await this.scope(input);
    const [rateSource, enrollmentRate] = await this.enrollmentRate(input.enrollmentRate, sectors);
    return {
      sectors,
      targets: [...new Set(input.targets)],
      sessions: input.sessions,
      maxDistanceKm: input.maxDistanceKm,
      candidates: input.candidates,
      from,
      to,
      enrollmentRate,
      enrollmentRateSource: rateSource,
      budget: input.budget ?? null,
      monthlyPremium: input.monthlyPremium,
      months: input.months,
      regionCode: input.regionCode ?? null,
      period,
    };
  }

  /** The given rate, else enrollments attributed / attendance of held sessions, else the default. */
  private async enrollmentRate(given: number | null | undefined, sectors: Sector[]): Promise<[RateSource, number]> {
    if (given !== null && given !== undefined) return [RateSource.GIVEN, given];
    const [past] = await this.db.sql.query<{ enrolled: number; attendance: number }>(q.PAST_SESSION_RATE, [sectors]);
    if (past && past.attendance > 0) return [RateSource.PAST_SESSIONS, past.enrolled / past.attendance];
    return [RateSource.DEFAULT, DEFAULT_ENROLLMENT_RATE];
  }

  /** The gaps with `uncovered` holding the workers the plan's targets count (unchanged for UNCOVERED alone). */
  private async targeted(gaps: GapRow[], p: PlanParameters, disclosure: Disclosure): Promise<GapRow[]> {
    if (p.targets.length === 1 && p.targets[0] === PlanTarget.UNCOVERED) return gaps;
    await this.heavy.pause();
    const codes = [...new Set(gaps.map((g) => g.code))];
    const figures = await Promise.all(codes.map((code) => this.renewals.figures({ code, period: p.period, sector: null }, disclosure)));
    const bySector = new Map<string, { lapsed: number | null; endingIn3Months: number | null }>(
      codes.flatMap((code, i) => {
        return figures[i]!.bySector.map((s) => [`${code}|${s.sector}`, s] as const);
      }),
    );
    return gaps.map((g) => {
      if (g.suppressed) return g; // a suppressed cell stays out of the plan, whatever it targets
      const r = bySector.get(`${g.code}|${g.sector}`);
      return {
        ...g,
        uncovered: workersToReach({ uncovered: g.uncovered, lapsed: r?.lapsed ?? 0, endingSoon: r?.endingIn3Months ?? 0 }, p.targets),
      };
    });
  }

  /**
   * Village x sector gaps; `suppress`: a suppressed cell's figures zeroed and flagged, so whatever a
   * plan or a budget view sums comes from published cells only and cannot give one back.
   */
  private async gaps(regionCode: string | null, period: string, sectors: Sector[], suppress: boolean): Promise<GapRow[]> {
    const rows = await this.query<GapRow>(q.VILLAGE_GAPS, [regionCode, period, sectors]);
    if (!suppress) return rows;
    const pattern = await this.disclosure.patternFor(period, { ...this.disclosure.disclosure, suppress });
    return rows.map((r) =>
      r.sector !== null && pattern.isSuppressed(r.code, r.sector) ? { ...r, workforce: 0, enrolled: 0, uncovered: 0, suppressed: true } : r,
    );
  }
}

/** Per-village totals over the plan's sectors (uncovered summed per sector, never netted across sectors). */
function villageTotals(rows: readonly GapRow[]): VillageGap[] {
  const out = new Map<string, VillageGap>();
  for (const r of rows) {
    const v = out.get(r.code) ?? {
      code: r.code,
      name: r.name,
      districtCode: r.districtCode,
      districtName: r.districtName,
      workforce: 0,
      enrolled: 0,
      uncovered: 0,
      suppressed: false,
    };
    v.suppressed ||= r.suppressed === true;
    v.workforce += r.workforce;
    v.enrolled += r.enrolled;
    v.uncovered += r.uncovered;
    out.set(r.code, v);
  }
  return [...out.values()];
}

/** Plans saved before disclosure control have no `suppressed` on their villages: none was. */
function withSuppressedFlags(saved: SavedPlan): SavedPlan {
  const flag = <V extends { suppressed?: boolean }>(v: V) => ({ ...v, suppressed: v.suppressed ?? false });
  const plan = saved.plan;
  return {
    ...saved,
    plan: {
      ...plan,
      sites: plan.sites.map((s) => ({ ...s, villages: s.villages.map(flag) })),
      villagesLeftOut: plan.villagesLeftOut.map(flag),
    },
  };
}

/** Plans saved before plans had targets reached the uncovered. */
const withTargets = (row: SavedPlan): SavedPlan => ({
  ...row,
  plan: { ...row.plan, parameters: { ...row.plan.parameters, targets: row.plan.parameters.targets ?? [PlanTarget.UNCOVERED] } },
});

const uniqueSectors = (sectors: Sector[]): Sector[] => [...new Set(sectors)];
