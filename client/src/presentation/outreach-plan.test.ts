import { describe, expect, it } from "vitest";
import { planForRegion, type PlanSite, type SavedPlan } from "./outreach-plan.ts";

const site = (order: number, villageCode: string, reached: string[] = []): PlanSite => ({
  order,
  name: `Site ${order}`,
  date: null,
  villageCode,
  districtName: "",
  uncoveredReached: 10,
  expectedEnrollments: 2,
  premiumCost: 100,
  villages: [villageCode, ...reached].map((code) => ({ code })),
});
const plan = (id: number, sites: PlanSite[]): SavedPlan => ({ id, name: `Plan ${id}`, createdAt: "", plan: { sites } });

describe("planForRegion", () => {
  const newest = plan(2, [site(1, "35.26.01.1001"), site(2, "35.26.02.2001", ["35.26.03.2002"])]);
  const older = plan(1, [site(1, "35.26.05.2001")]);

  it("takes the newest plan and, for the regency, all its sites", () => {
    expect(planForRegion([newest, older], "35.26")).toEqual({ plan: newest, sites: newest.plan.sites });
  });
  it("keeps the sites in a district or reaching one of its villages", () => {
    expect(planForRegion([newest, older], "35.26.03")?.sites.map((s) => s.order)).toEqual([2]);
  });
  it("falls back to an older plan when the newest has nothing in the region", () => {
    expect(planForRegion([newest, older], "35.26.05")?.plan.id).toBe(1);
  });
  it("is null without a plan for the region", () => {
    expect(planForRegion([newest, older], "35.26.18")).toBeNull();
    expect(planForRegion([], "35.26")).toBeNull();
  });
});
