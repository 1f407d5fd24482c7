// What a premium budget buys: workers funded village by village under a chosen rule. Pure.
import { rate } from "../coverage/rates.ts";
import { AllocationRule, type Sector } from "../../domain/vocabulary.ts";
import type { BudgetAllocation, BudgetView, SectorProjection } from "./planner.types.ts";
import { append } from "../common/collections.ts";

/** Uncovered workers of one sector in one village. */
export interface GapUnit {
  villageCode: string;
  villageName: string;
  districtCode: string;
  districtName: string;
  sector: Sector;
  workforce: number;
  enrolled: number;
  uncovered: number;
}

const byUncovered = (a: GapUnit, b: GapUnit) =>
  b.uncovered - a.uncovered || a.villageCode.localeCompare(b.villageCode) || a.sector.localeCompare(b.sector);

const byRate = (a: GapUnit, b: GapUnit) => (rate(a.enrolled, a.workforce) ?? 0) - (rate(b.enrolled, b.workforce) ?? 0) || byUncovered(a, b);

export function allocateBudget(
  rule: AllocationRule,
  budget: number,
  costPerWorker: number,
  units: readonly GapUnit[],
  sectors: readonly Sector[],
): BudgetView {
  // Capped where GraphQL's Int ends (a budget of Rp10 trillion at a premium of Rp1 would pass it).
  const fundableWorkers = Math.min(Math.floor(budget / costPerWorker), 2 ** 31 - 1);
  const open = units.filter((u) => u.uncovered > 0);
  const funded =
    rule === AllocationRule.EQUAL_PER_DISTRICT
      ? equalPerDistrict(open, fundableWorkers)
      : inOrder(open.sort(rule === AllocationRule.LOWEST_RATE ? byRate : byUncovered), fundableWorkers);
  const allocations: BudgetAllocation[] = funded.map(([u, n], i) => ({
    order: i + 1,
    villageCode: u.villageCode,
    villageName: u.villageName,
    districtCode: u.districtCode,
    districtName: u.districtName,
    sector: u.sector,
    uncovered: u.uncovered,
    funded: n,
    rateBefore: rate(u.enrolled, u.workforce),
    rateAfter: rate(u.enrolled + n, u.workforce),
  }));
  const total = allocations.reduce((s, a) => s + a.funded, 0);
  return {
    rule,
    costPerWorker,
    fundableWorkers,
    funded: total,
    budgetUsed: total * costPerWorker,
    budgetRemaining: budget - total * costPerWorker,
    allocations,
    coverageBySector: sectors.map((sector) => sectorProjection(sector, units, allocations)),
  };
}

/** Fund each unit in turn until the money runs out. */
function inOrder(units: readonly GapUnit[], workers: number): [GapUnit, number][] {
  const out: [GapUnit, number][] = [];
  let left = workers;
  for (const u of units) {
    if (left <= 0) break;
    const n = Math.min(u.uncovered, left);
    out.push([u, n]);
    left -= n;
  }
  return out;
}

/**
 * An equal share per district (a district that cannot use its share passes the rest on to the
 * others), and within each district the most uncovered first.
 */
function equalPerDistrict(units: readonly GapUnit[], workers: number): [GapUnit, number][] {
  const districts = new Map<string, GapUnit[]>();
  for (const u of units) append(districts, u.districtCode, u);
  const capacity = new Map([...districts].map(([d, us]) => [d, us.reduce((s, u) => s + u.uncovered, 0)]));
  const share = new Map([...districts.keys()].map((d) => [d, 0]));
  let left = workers;
  let active = [...districts.keys()].sort((a, b) => capacity.get(b)! - capacity.get(a)! || a.localeCompare(b));
  while (left > 0 && active.length > 0) {
    const each = Math.floor(left / active.length);
    // fewer workers left than districts: one each to the districts with the most uncovered
    const grant = (d: string, n: number) => {
      const given = Math.min(n, capacity.get(d)! - share.get(d)!);
      share.set(d, share.get(d)! + given);
      left -= given;
    };
    if (each === 0) active.slice(0, left).forEach((d) => grant(d, 1));
    else active.forEach((d) => grant(d, each));
    active = active.filter((d) => share.get(d)! < capacity.get(d)!);
  }
  return [...districts.keys()].sort().flatMap((d) => inOrder([...districts.get(d)!].sort(byUncovered), share.get(d)!));
}

function sectorProjection(sector: Sector, units: readonly GapUnit[], allocations: readonly BudgetAllocation[]): SectorProjection {
  const mine = units.filter((u) => u.sector === sector);
  const workforce = mine.reduce((s, u) => s + u.workforce, 0);
  const enrolledBefore = mine.reduce((s, u) => s + u.enrolled, 0);
  const added = allocations.filter((a) => a.sector === sector).reduce((s, a) => s + a.funded, 0);
  return {
    sector,
    workforce,
    enrolledBefore,
    enrolledAfter: enrolledBefore + added,
    rateBefore: rate(enrolledBefore, workforce),
    rateAfter: rate(enrolledBefore + added, workforce),
  };
}
