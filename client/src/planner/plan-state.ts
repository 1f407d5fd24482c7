// The planner's part of the view state: its inputs, open tab, budget rule and compared plans, in the URL.
import type { AllocationRule, CandidateSites, PlanTarget } from "../generated/graphql.ts";
import { SECTORS, type Sector } from "../url-state.ts";
import { DEFAULT_MONTHLY_PREMIUM, DEFAULT_MONTHS, PLAN_BOUNDS, type Bound } from "../../../domain/bounds.ts";

export type { AllocationRule, CandidateSites, PlanTarget };
// The schema's enum values, in the order the form offers them.
export const CANDIDATE_SITES = ["FERTILIZER_POINTS", "FERTILIZER_POINTS_AND_VILLAGES"] as const satisfies readonly CandidateSites[];
export const ALLOCATION_RULES = ["LARGEST_UNCOVERED", "LOWEST_RATE", "EQUAL_PER_DISTRICT"] as const satisfies readonly AllocationRule[];
export const PLAN_TARGETS = ["UNCOVERED", "LAPSED", "ENDING_SOON"] as const satisfies readonly PlanTarget[];
export const PLANNER_TABS = ["plan", "budget", "saved", "scenarios"] as const;
export type PlannerTab = (typeof PLANNER_TABS)[number];

export interface PlanForm {
  sectors: Sector[];
  /** Whom to reach: the uncovered by default. */
  targets: PlanTarget[];
  sessions: number;
  maxDistanceKm: number;
  candidates: CandidateSites;
  /** YYYY-MM-DD; null = the next planting-season distribution found in the schedules. */
  from: string | null;
  to: string | null;
  /** 0..1; null = learnt by the server from past sessions. */
  enrollmentRate: number | null;
  /** Rupiah; null = no limit. */
  budget: number | null;
  monthlyPremium: number;
  months: number;
  tab: PlannerTab;
  rule: AllocationRule;
  /** Saved plan ids compared side by side. */
  compare: number[];
}

export const DEFAULT_PLAN: PlanForm = {
  sectors: ["FARMER"],
  targets: ["UNCOVERED"],
  sessions: 5,
  maxDistanceKm: 5,
  candidates: "FERTILIZER_POINTS",
  from: null,
  to: null,
  enrollmentRate: null,
  budget: null,
  monthlyPremium: DEFAULT_MONTHLY_PREMIUM,
  months: DEFAULT_MONTHS,
  tab: "plan",
  rule: "LARGEST_UNCOVERED",
  compare: [],
};

/** The server's bounds (PlanInput), so a hand-edited URL cannot ask for what it refuses. */
export { PLAN_BOUNDS };

function clamp(n: number | null, [lo, hi]: Bound, fallback: number): number {
  return n == null ? fallback : Math.min(hi, Math.max(lo, n));
}

function num(v: string | null): number | null {
  if (v == null || v === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parsePlan(q: URLSearchParams): PlanForm {
  const d = DEFAULT_PLAN;
  const sectors = (q.get("ps") ?? "").split(",").filter((s): s is Sector => (SECTORS as readonly string[]).includes(s));
  const targets = (q.get("pt") ?? "").split(",").filter((s): s is PlanTarget => (PLAN_TARGETS as readonly string[]).includes(s));
  const rate = num(q.get("prate"));
  const budget = num(q.get("pbudget"));
  return {
    sectors: sectors.length ? [...new Set(sectors)] : d.sectors,
    targets: targets.length ? [...new Set(targets)] : d.targets,
    sessions: Math.round(clamp(num(q.get("pk")), PLAN_BOUNDS.sessions, d.sessions)),
    maxDistanceKm: clamp(num(q.get("pkm")), PLAN_BOUNDS.maxDistanceKm, d.maxDistanceKm),
    candidates: q.get("pv") === "1" ? "FERTILIZER_POINTS_AND_VILLAGES" : "FERTILIZER_POINTS",
    from: DAY.test(q.get("pfrom") ?? "") ? q.get("pfrom") : null,
    to: DAY.test(q.get("pto") ?? "") ? q.get("pto") : null,
    enrollmentRate: rate != null && rate >= PLAN_BOUNDS.enrollmentRate[0] && rate <= PLAN_BOUNDS.enrollmentRate[1] ? rate : null,
    budget: budget != null && budget > 0 ? budget : null,
    monthlyPremium: Math.round(clamp(num(q.get("ppremium")), PLAN_BOUNDS.monthlyPremium, d.monthlyPremium)),
    months: Math.round(clamp(num(q.get("pmonths")), PLAN_BOUNDS.months, d.months)),
    tab: PLANNER_TABS.find((t) => t === q.get("ptab")) ?? d.tab,
    rule: ALLOCATION_RULES.find((r) => r === q.get("prule")) ?? d.rule,
    compare: [
      ...new Set(
        (q.get("pcmp") ?? "")
          .split(",")
          .map(num)
          .filter((n): n is number => n != null && Number.isInteger(n)),
      ),
    ],
  };
}

/** Adds the values that differ from the defaults. */
export function writePlan(p: PlanForm, q: URLSearchParams): void {
  const d = DEFAULT_PLAN;
  if (p.sectors.join(",") !== d.sectors.join(",")) q.set("ps", p.sectors.join(","));
  if (p.targets.join(",") !== d.targets.join(",")) q.set("pt", p.targets.join(","));
  if (p.sessions !== d.sessions) q.set("pk", String(p.sessions));
  if (p.maxDistanceKm !== d.maxDistanceKm) q.set("pkm", String(p.maxDistanceKm));
  if (p.candidates !== d.candidates) q.set("pv", "1");
  if (p.from) q.set("pfrom", p.from);
  if (p.to) q.set("pto", p.to);
  if (p.enrollmentRate != null) q.set("prate", String(p.enrollmentRate));
  if (p.budget != null) q.set("pbudget", String(p.budget));
  if (p.monthlyPremium !== d.monthlyPremium) q.set("ppremium", String(p.monthlyPremium));
  if (p.months !== d.months) q.set("pmonths", String(p.months));
  if (p.tab !== d.tab) q.set("ptab", p.tab);
  if (p.rule !== d.rule) q.set("prule", p.rule);
  if (p.compare.length) q.set("pcmp", p.compare.join(","));
}
