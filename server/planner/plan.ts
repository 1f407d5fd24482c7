// Builds an outreach plan from candidate sites and village gaps: greedy maximum coverage, the
// budget, expected enrollments and the coverage each region would reach. Pure: no database.
import { rate } from "../coverage/rates.ts";
import { greedyMaxCoverage, type GreedyStep } from "./greedy.ts";
import { isBelowRegion, isInRegion } from "../../domain/region-code.ts";
import { SiteKind, StopReason, type RegionLevel } from "../../domain/vocabulary.ts";
import { type CoverageProjection, type OutreachPlanResult, type PlanParameters, type PlanSite, type PlanVillage } from "./planner.types.ts";

export interface CandidateRow {
  pointId: number | null;
  code: string;
  name: string;
  kind: SiteKind;
  villageCode: string;
  lon: number;
  lat: number;
  date: string | null;
  reach: { code: string; distance: number }[];
}

export interface VillageGap {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  workforce: number;
  enrolled: number;
  /** Of the published cells only when some are suppressed. */
  uncovered: number;
  /** Some of its sector cells are suppressed (server/disclosure): left out of every figure, its own shown as null. */
  suppressed: boolean;
}

export interface ProjectionRegion {
  code: string;
  name: string;
  level: RegionLevel;
}

export const PLAN_METHOD =
  "Greedy maximum coverage: each step takes the candidate site that reaches the most uncovered workers not already reached " +
  "(a village is reached when its inner point is within the travel distance of the site, measured by PostGIS on the geography, in metres). " +
  "Reach is monotone and submodular, so greedy reaches at least 1 - 1/e (about 63%) of the best possible reach for the same number of sessions " +
  "(Nemhauser, Wolsey and Fisher, 1978). Expected enrollments = uncovered reached x enrollment rate, funded at monthly premium x months until the budget is spent.";

/** The plan as the greedy steps are folded in: its sites, the budget left (in workers) and the running totals. */
interface PlanSoFar {
  sites: PlanSite[];
  fundableLeft: number;
  reached: number;
  enrolled: number;
}

export function buildPlan(
  parameters: PlanParameters,
  candidates: readonly CandidateRow[],
  villages: readonly VillageGap[],
  projectionRegions: readonly ProjectionRegion[],
): OutreachPlanResult {
  const village = new Map(villages.map((v) => [v.code, v]));
  const weight = new Map(villages.map((v) => [v.code, v.uncovered]));
  const byCode = new Map(candidates.map((c) => [c.code, c]));
  const costPerWorker = parameters.monthlyPremium * parameters.months;
  const fundable = parameters.budget === null ? Number.POSITIVE_INFINITY : Math.floor(parameters.budget / costPerWorker);
  const cost = (enrolled: number) => ({
    cost: enrolled * costPerWorker,
    budgetRemaining: parameters.budget === null ? null : parameters.budget - enrolled * costPerWorker,
  });

  /** The plan with one more greedy step, funded from what is left of the budget. */
  const addSite = (soFar: PlanSoFar, step: GreedyStep): PlanSoFar => {
    const c = byCode.get(step.id)!;
    const wanted = Math.round(step.gain * parameters.enrollmentRate);
    const funded = Math.min(wanted, soFar.fundableLeft);
    const distance = new Map(c.reach.map((r) => [r.code, r.distance]));
    const reached: PlanVillage[] = step.newlyReached
      .map((code) => {
        const v = village.get(code)!;
        return {
          ...villageFigure(v),
          distanceMeters: distance.get(code) ?? null,
          // the site's enrollments, shared by uncovered
          expectedEnrollments: step.gain > 0 ? (funded * v.uncovered) / step.gain : 0,
        };
      })
      .sort((a, b) => (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0) || a.code.localeCompare(b.code));
    const reachedSoFar = soFar.reached + step.gain;
    const enrolledSoFar = soFar.enrolled + funded;
    const home = village.get(c.villageCode);
    const site: PlanSite = {
      order: soFar.sites.length + 1,
      kind: c.kind,
      pointId: c.pointId,
      code: c.code,
      name: c.name,
      villageCode: c.villageCode,
      villageName: home?.name ?? c.villageCode,
      districtName: home?.districtName ?? "",
      lon: c.lon,
      lat: c.lat,
      date: c.date,
      villages: reached,
      uncoveredReached: step.gain,
      expectedEnrollments: funded,
      premiumCost: funded * costPerWorker,
      budgetLimited: funded < wanted,
      cumulativeUncoveredReached: reachedSoFar,
      cumulativeExpectedEnrollments: enrolledSoFar,
      cumulativeCost: cost(enrolledSoFar).cost,
      budgetRemaining: cost(enrolledSoFar).budgetRemaining,
    };
    return { sites: [...soFar.sites, site], fundableLeft: soFar.fundableLeft - funded, reached: reachedSoFar, enrolled: enrolledSoFar };
  };

  // Greedy's choices do not depend on the budget: take its steps, then fund them in order until the budget is spent.
  const steps =
    fundable > 0
      ? greedyMaxCoverage(
          candidates.map((c) => ({ id: c.code, reaches: c.reach.map((r) => r.code) })),
          weight,
          { k: parameters.sessions },
        )
      : [];
  const plan = steps.reduce<PlanSoFar>((soFar, step) => (soFar.fundableLeft <= 0 ? soFar : addSite(soFar, step)), {
    sites: [],
    fundableLeft: fundable,
    reached: 0,
    enrolled: 0,
  });
  const { sites, reached: reachedSoFar, enrolled: enrolledSoFar } = plan;
  const stopReason: StopReason =
    plan.fundableLeft <= 0
      ? StopReason.BUDGET_SPENT
      : sites.length === parameters.sessions
        ? StopReason.SESSIONS_REACHED
        : StopReason.NOTHING_LEFT_TO_REACH;
  const expectedByVillage = new Map(sites.flatMap((s) => s.villages.map((v) => [v.code, v.expectedEnrollments] as const)));

  const reachedCodes = new Set(sites.flatMap((s) => s.villages.map((v) => v.code)));
  const villagesLeftOut = villages
    .filter((v) => v.uncovered > 0 && !reachedCodes.has(v.code))
    .sort((a, b) => b.uncovered - a.uncovered || a.code.localeCompare(b.code))
    .map((v) => ({ ...villageFigure(v), distanceMeters: null, expectedEnrollments: 0 }));

  return {
    parameters,
    candidateCount: candidates.length,
    sites,
    totals: {
      uncoveredReached: reachedSoFar,
      expectedEnrollments: enrolledSoFar,
      premiumCost: cost(enrolledSoFar).cost,
      budgetRemaining: cost(enrolledSoFar).budgetRemaining,
      uncoveredInRegion: villages.reduce((sum, v) => sum + v.uncovered, 0),
    },
    stopReason,
    coverageAfter: project(projectionRegions, villages, expectedByVillage),
    villagesLeftOut,
    method: PLAN_METHOD,
  };
}

/**
 * Coverage before and after the plan for each region. Expected new enrollments are whole people:
 * a region with no enclosing region in the list is rounded; the regions inside one share its
 * rounded figure by largest remainder, so the districts add up to the plan region.
 */
function project(
  regions: readonly ProjectionRegion[],
  villages: readonly VillageGap[],
  expected: ReadonlyMap<string, number>,
): CoverageProjection[] {
  const inside = (code: string) => villages.filter((v) => isInRegion(v.code, code));
  const exact = new Map(regions.map((r) => [r.code, inside(r.code).reduce((s, v) => s + (expected.get(v.code) ?? 0), 0)]));
  const parentOf = (r: ProjectionRegion) =>
    regions.filter((p) => isBelowRegion(r.code, p.code)).sort((a, b) => b.code.length - a.code.length)[0]?.code ?? null;
  const whole = new Map<string, number>();
  for (const r of [...regions].sort((a, b) => a.code.length - b.code.length)) {
    if (whole.has(r.code)) continue;
    const parent = parentOf(r);
    if (parent === null) {
      whole.set(r.code, Math.round(exact.get(r.code)!));
      continue;
    }
    const siblings = regions.filter((s) => parentOf(s) === parent);
    const shares = largestRemainder(
      whole.get(parent)!,
      siblings.map((s) => exact.get(s.code)!),
    );
    siblings.forEach((s, i) => whole.set(s.code, shares[i]!));
  }
  return regions.map((region) => {
    const villagesIn = inside(region.code);
    const workforce = villagesIn.reduce((s, v) => s + v.workforce, 0);
    const enrolledBefore = villagesIn.reduce((s, v) => s + v.enrolled, 0);
    const expectedNew = whole.get(region.code)!;
    return {
      ...region,
      workforce,
      enrolledBefore,
      expectedNew,
      rateBefore: rate(enrolledBefore, workforce),
      rateAfter: rate(enrolledBefore + expectedNew, workforce),
    };
  });
}

/** Whole numbers adding up to `total`, each the floor of its part plus one for the largest remainders. */
function largestRemainder(total: number, parts: readonly number[]): number[] {
  const shares = parts.map((p) => Math.floor(p));
  let left = total - shares.reduce((s, n) => s + n, 0);
  const byRemainder = parts.map((p, i) => ({ i, r: p - Math.floor(p) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}

const villageIdentity = (v: VillageGap) => ({ code: v.code, name: v.name, districtCode: v.districtCode, districtName: v.districtName });

/** A village as a plan shows it: its uncovered workers null when some of its cells are suppressed (never a partial sum). */
const villageFigure = (v: VillageGap) => ({
  ...villageIdentity(v),
  uncovered: v.suppressed ? null : v.uncovered,
  suppressed: v.suppressed,
});
