import { describe, expect, it } from "vitest";
import { DEFAULT_PLAN, parsePlan, writePlan, type PlanForm } from "./plan-state.ts";

function roundTrip(p: PlanForm): PlanForm {
  const q = new URLSearchParams();
  writePlan(p, q);
  return parsePlan(new URLSearchParams(q.toString()));
}

describe("planner URL state", () => {
  it("writes nothing for the defaults and reads them back", () => {
    const q = new URLSearchParams();
    writePlan(DEFAULT_PLAN, q);
    expect(q.toString()).toBe("");
    expect(parsePlan(q)).toEqual(DEFAULT_PLAN);
  });

  it("round-trips every field", () => {
    const p: PlanForm = {
      sectors: ["FARMER", "LIVESTOCK"],
      targets: ["LAPSED", "ENDING_SOON"],
      sessions: 8,
      maxDistanceKm: 3.5,
      candidates: "FERTILIZER_POINTS_AND_VILLAGES",
      from: "2025-10-01",
      to: "2026-01-31",
      enrollmentRate: 0.3,
      budget: 500_000_000,
      monthlyPremium: 20_000,
      months: 6,
      tab: "saved",
      rule: "EQUAL_PER_DISTRICT",
      compare: [3, 1],
    };
    expect(roundTrip(p)).toEqual(p);
  });

  it("clamps or drops values the server would refuse", () => {
    const p = parsePlan(
      new URLSearchParams("pk=500&pkm=0&pmonths=0&prate=2&pbudget=-5&pfrom=2025-1-1&ps=FOO&pt=NOBODY&ptab=x&pcmp=1,a,1.5,2,1"),
    );
    expect(p).toMatchObject({ sessions: 50, maxDistanceKm: 0.1, months: 1, enrollmentRate: null, budget: null, from: null });
    expect(p.sectors).toEqual(["FARMER"]);
    expect(p.targets).toEqual(["UNCOVERED"]);
    expect(p.tab).toBe("plan");
    expect(p.compare).toEqual([1, 2]);
  });
});
