import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { coveredWeight } from "../server/planner/greedy.ts";
import { GUARANTEE, bestNextGain, bruteForceOptimum } from "./support/brute-force.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { parse } from "csv-parse/sync";
import { PLAN_CSV_FIELDS } from "../server/export/plan-export.ts";
import { ADMIN, operation, run } from "./support/graphql.ts";
import { openSeededApp, type RunningApp, AS_ADMIN } from "./support/http.ts";
import type {
  BudgetInput,
  BudgetViewQuery,
  BudgetViewQueryVariables,
  CreateSessionsFromPlanMutation,
  CreateSessionsFromPlanMutationVariables,
  OutreachPlanQuery,
  OutreachPlanQueryVariables,
  OutreachPlansQuery,
  PlanInput,
  SavePlanMutation,
  SavePlanMutationVariables,
} from "./generated/graphql.ts";

const PLAN = operation<OutreachPlanQuery, OutreachPlanQueryVariables>(/* GraphQL */ `
  query OutreachPlan($input: PlanInput!) {
    outreachPlan(input: $input) {
      candidateCount
      stopReason
      method
      parameters {
        sectors
        sessions
        maxDistanceKm
        from
        to
        enrollmentRate
        enrollmentRateSource
        budget
        monthlyPremium
        months
        period
      }
      totals {
        uncoveredReached
        expectedEnrollments
        premiumCost
        budgetRemaining
        uncoveredInRegion
      }
      sites {
        order
        kind
        pointId
        code
        name
        villageCode
        date
        lon
        lat
        uncoveredReached
        expectedEnrollments
        premiumCost
        budgetLimited
        cumulativeUncoveredReached
        cumulativeExpectedEnrollments
        cumulativeCost
        budgetRemaining
        villages {
          code
          name
          uncovered
          distanceMeters
          expectedEnrollments
        }
      }
      coverageAfter {
        code
        level
        workforce
        enrolledBefore
        expectedNew
        rateBefore
        rateAfter
      }
      villagesLeftOut {
        code
        uncovered
      }
    }
  }
`);

const SAVE = operation<SavePlanMutation, SavePlanMutationVariables>(/* GraphQL */ `
  mutation SavePlan($name: String!, $input: PlanInput!) {
    savePlan(name: $name, input: $input) {
      id
      name
      sessionCount
      plan {
        parameters {
          sectors
        }
        sites {
          order
          name
          kind
          date
          villageCode
          villageName
          districtName
          pointId
          lon
          lat
          uncoveredReached
          expectedEnrollments
          villages {
            code
            name
            districtName
            distanceMeters
            uncovered
            expectedEnrollments
          }
        }
        totals {
          uncoveredReached
        }
      }
    }
  }
`);

const PLANS = operation<OutreachPlansQuery>(/* GraphQL */ `
  query OutreachPlans {
    outreachPlans {
      id
      name
      sessionCount
    }
  }
`);

const CREATE = operation<CreateSessionsFromPlanMutation, CreateSessionsFromPlanMutationVariables>(/* GraphQL */ `
  mutation CreateSessionsFromPlan($id: Int!) {
    createSessionsFromPlan(planId: $id) {
      id
      status
      startsOn
      villageCode
      pointId
      targetSectors
    }
  }
`);

const BUDGET = operation<BudgetViewQuery, BudgetViewQueryVariables>(/* GraphQL */ `
  query BudgetView($input: BudgetInput!) {
    budgetView(input: $input) {
      rule
      costPerWorker
      fundableWorkers
      funded
      budgetUsed
      budgetRemaining
      allocations {
        order
        villageCode
        districtCode
        sector
        uncovered
        funded
        rateBefore
        rateAfter
      }
      coverageBySector {
        sector
        workforce
        enrolledBefore
        enrolledAfter
        rateBefore
        rateAfter
      }
    }
  }
`);

describe("outreach planner on the demo", () => {
  let db: Database;
  let app: RunningApp;
  let close: () => Promise<void>;
  beforeAll(async () => ({ db, app, close } = await openSeededApp()));
  afterAll(() => close?.());

  const plan = async (input: PlanInput) => {
    const { data, errors } = await run(db, PLAN, { input }, ADMIN);
    expect(errors).toBeUndefined();
    return data!.outreachPlan;
  };

  /** Uncovered farmers per village in the latest period, computed here from the workforce and enrollments. */
  const uncoveredFarmers = async (): Promise<Map<string, number>> => {
    const rows = await db.sql.query<{ code: string; uncovered: number }>(
      `SELECT w.village_code AS code, greatest(w.workers - (SELECT count(*) FROM enrollment e WHERE e.village_code = w.village_code AND e.sector_code = 'FARMER'
                AND e.start_date <= date '2025-09-30' AND (e.end_date IS NULL OR e.end_date > date '2025-09-30')), 0)::int AS uncovered
       FROM workforce_estimate w WHERE w.sector_code = 'FARMER' AND w.period = (SELECT max(period) FROM workforce_estimate WHERE sector_code = 'FARMER')`,
    );
    return new Map(rows.map((r) => [r.code, r.uncovered]));
  };

  it("plans 5 farmer sessions within 5 km without counting any worker twice", async () => {
    const p = await plan({ sessions: 5, maxDistanceKm: 5, from: "2025-10-01", to: "2026-01-31" });
    expect(p.parameters.sectors).toEqual(["FARMER"]);
    expect(p.sites).toHaveLength(5);
    expect(p.stopReason).toBe("SESSIONS_REACHED");
    const listed = p.sites.flatMap((s) => s.villages.map((v) => v.code));
    expect(new Set(listed).size).toBe(listed.length); // a village belongs to one site only
    // Independent check: the villages within 5 km of the chosen sites, by PostGIS, and their uncovered farmers.
    const within = await db.sql.query<{ code: string }>(
      `SELECT DISTINCT v.code FROM region v, unnest($1::float8[], $2::float8[]) AS s(lon, lat)
       WHERE v.level = 'VILLAGE' AND ST_DWithin(ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326)::geography, v.centroid::geography, 5000)`,
      [p.sites.map((s) => s.lon), p.sites.map((s) => s.lat)],
    );
    const uncovered = await uncoveredFarmers();
    const expected = within.reduce((sum, v) => sum + (uncovered.get(v.code) ?? 0), 0);
    expect(p.totals.uncoveredReached).toBe(expected);
    expect(p.sites.reduce((sum, s) => sum + s.uncoveredReached, 0)).toBe(expected);
    expect(new Set(listed)).toEqual(new Set(within.map((v) => v.code).filter((c) => (uncovered.get(c) ?? 0) > 0)));
    for (const s of p.sites) {
      expect(s.villages.reduce((sum, v) => sum + v.uncovered!, 0)).toBe(s.uncoveredReached);
      for (const v of s.villages) expect(v.distanceMeters).toBeLessThanOrEqual(5000);
    }
    // greedy order: each site adds no more than the one before
    const gains = p.sites.map((s) => s.uncoveredReached);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    // villages left out: every village with uncovered farmers that no site reaches
    expect(p.villagesLeftOut.length + listed.length).toBe([...uncovered.values()].filter((u) => u > 0).length);
  });

  it("gives each session a distribution day in the window, and the window changes the candidates", async () => {
    const mt1 = await plan({ sessions: 3, from: "2025-10-01", to: "2025-12-31" });
    const mt2 = await plan({ sessions: 3, from: "2026-02-01", to: "2026-04-30" });
    const count = async (from: string, to: string) =>
      (
        await db.sql.query<{ n: number }>(
          `SELECT count(DISTINCT point_id)::int AS n FROM distribution_schedule WHERE starts_on <= $2::date AND ends_on >= $1::date`,
          [from, to],
        )
      )[0]!.n;
    expect(mt1.candidateCount).toBe(await count("2025-10-01", "2025-12-31"));
    expect(mt2.candidateCount).toBe(await count("2026-02-01", "2026-04-30"));
    const none = await plan({ sessions: 3, from: "2030-01-01", to: "2030-01-31" });
    expect(none.candidateCount).toBe(0);
    expect(none.sites).toEqual([]);
    for (const [p, from, to] of [
      [mt1, "2025-10-01", "2025-12-31"],
      [mt2, "2026-02-01", "2026-04-30"],
    ] as const) {
      for (const s of p.sites) {
        expect(s.date! >= from && s.date! <= to, String(s.date)).toBe(true);
        const [window] = await db.sql.query<{ ok: boolean }>(
          `SELECT bool_or($2::date BETWEEN starts_on AND ends_on) AS ok FROM distribution_schedule WHERE point_id = $1`,
          [s.pointId, s.date],
        );
        expect(window!.ok).toBe(true);
      }
    }
  });

  it("never spends more than the budget, and stops when it is spent", async () => {
    const unlimited = await plan({ sessions: 8, from: "2025-10-01", to: "2026-01-31", enrollmentRate: 0.5 });
    const costPerWorker = 16_800 * 12;
    expect(unlimited.parameters.monthlyPremium).toBe(16_800);
    expect(unlimited.totals.premiumCost).toBe(unlimited.totals.expectedEnrollments * costPerWorker);
    for (const budget of [0, 100_000, 150_000_000, 400_000_000, unlimited.totals.premiumCost + 1]) {
      const p = await plan({ sessions: 8, from: "2025-10-01", to: "2026-01-31", enrollmentRate: 0.5, budget });
      expect(p.totals.premiumCost).toBeLessThanOrEqual(budget);
      expect(p.totals.budgetRemaining).toBe(budget - p.totals.premiumCost);
      expect(p.totals.premiumCost).toBe(p.sites.reduce((sum, s) => sum + s.premiumCost, 0));
      let running = 0;
      for (const s of p.sites) {
        running += s.premiumCost;
        expect(s.cumulativeCost).toBe(running);
        expect(s.budgetRemaining).toBeGreaterThanOrEqual(0);
        expect(s.expectedEnrollments).toBeLessThanOrEqual(Math.round(s.uncoveredReached * 0.5));
      }
      if (budget < unlimited.totals.premiumCost) {
        expect(p.stopReason).toBe("BUDGET_SPENT");
        expect(budget - p.totals.premiumCost).toBeLessThan(costPerWorker); // nothing fundable left over
      } else expect(p.sites.map((s) => s.code)).toEqual(unlimited.sites.map((s) => s.code));
    }
  });

  it("projects the coverage each district and the regency would reach", async () => {
    const p = await plan({ sessions: 5, from: "2025-10-01", to: "2026-01-31", enrollmentRate: 0.4 });
    const [regency, ...districts] = p.coverageAfter;
    expect(regency.code).toBe("35.26");
    expect(districts).toHaveLength(18);
    expect(regency.expectedNew).toBe(p.totals.expectedEnrollments);
    // The districts' whole numbers add up to the regency's, each within one of its exact share (the
    // expected enrollments of its reached villages, summed here).
    expect(districts.reduce((s, d) => s + d.expectedNew, 0)).toBe(regency.expectedNew);
    const exact = new Map<string, number>();
    for (const v of p.sites.flatMap((s) => s.villages))
      exact.set(v.code.slice(0, 8), (exact.get(v.code.slice(0, 8)) ?? 0) + v.expectedEnrollments);
    for (const d of districts) expect(Math.abs(d.expectedNew - (exact.get(d.code) ?? 0))).toBeLessThan(1);
    const uncovered = await uncoveredFarmers();
    expect(regency.workforce - regency.enrolledBefore).toBeLessThanOrEqual([...uncovered.values()].reduce((a, b) => a + b, 0));
    expect(regency.rateAfter).toBeCloseTo((regency.enrolledBefore + regency.expectedNew) / regency.workforce, 10);
    for (const d of districts) expect(d.rateAfter).toBeGreaterThanOrEqual(d.rateBefore!);
  });

  it("leaves every site undated without a date window, so its sessions cannot be created in the past", async () => {
    const input = { sessions: 2, maxDistanceKm: 5 };
    const p = await plan(input);
    expect(p.sites).toHaveLength(2);
    expect(p.sites.every((s) => s.pointId != null)).toBe(true); // fertilizer points, which have schedules
    expect(p.sites.map((s) => s.date)).toEqual(p.sites.map(() => null));
    const saved = (await run(db, SAVE, { name: "no window", input }, ADMIN)).data!.savePlan;
    const created = await run(db, CREATE, { id: saved.id }, ADMIN);
    expect(created.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(created.errors![0]!.message).toContain("date window");
    const [{ n }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM outreach_session WHERE plan_id = $1`, [saved.id]);
    expect(n).toBe(0);
  });

  it("learns the enrollment rate from past sessions unless given one", async () => {
    const [past] = await db.sql.query<{ rate: number }>(
      `SELECT sum(enrollments_attributed)::float8 / sum(attendance) AS rate FROM outreach_session
       WHERE status = 'HELD' AND attendance > 0 AND 'FARMER' = ANY(target_sectors)`,
    );
    const learnt = await plan({ sessions: 1 });
    expect(learnt.parameters.enrollmentRateSource).toBe("PAST_SESSIONS");
    expect(learnt.parameters.enrollmentRate).toBeCloseTo(past!.rate, 10);
    const given = await plan({ sessions: 1, enrollmentRate: 0.6 });
    expect(given.parameters).toMatchObject({ enrollmentRate: 0.6, enrollmentRateSource: "GIVEN" });
  });

  it("takes the best next site at each step and keeps the guarantee on one district's real candidates", async () => {
    const district = "35.26.10";
    const p = await plan({
      sessions: 3,
      regionCode: district,
      from: "2025-10-01",
      to: "2026-01-31",
      candidates: "FERTILIZER_POINTS_AND_VILLAGES",
    });
    // the same instance, built here: candidate points and village halls in the district, and the villages within 5 km
    const reach = await db.sql.query<{ id: string; code: string }>(
      `WITH c AS (
         SELECT p.code AS id, p.geom FROM fertilizer_point p
         WHERE p.village_code LIKE $1 || '.%' AND EXISTS (SELECT 1 FROM distribution_schedule s WHERE s.point_id = p.id AND s.starts_on <= date '2026-01-31' AND s.ends_on >= date '2025-10-01')
         UNION ALL SELECT v.code, v.centroid FROM region v WHERE v.level = 'VILLAGE' AND v.code LIKE $1 || '.%')
       SELECT c.id, v.code FROM c LEFT JOIN region v ON v.level = 'VILLAGE' AND v.code LIKE $1 || '.%' AND ST_DWithin(c.geom::geography, v.centroid::geography, 5000)`,
      [district],
    );
    const candidates = [...new Set(reach.map((r) => r.id))].map((id) => ({
      id,
      reaches: reach.filter((r) => r.id === id && r.code != null).map((r) => r.code),
    }));
    expect(p.candidateCount).toBe(candidates.length);
    expect(candidates.length).toBeGreaterThanOrEqual(5);
    expect(candidates.length).toBeLessThanOrEqual(40); // small enough for brute force: C(40,3) = 9,880
    const weight = await uncoveredFarmers();
    const optimum = bruteForceOptimum(candidates, weight, 3);
    expect(p.totals.uncoveredReached).toBeLessThanOrEqual(optimum);
    expect(p.totals.uncoveredReached).toBeGreaterThanOrEqual(GUARANTEE * optimum);
    // each site adds as much as the best single next site would
    const byId = new Map(candidates.map((c) => [c.id, c]));
    p.sites.forEach((site, i) => {
      const before = p.sites.slice(0, i).map((s) => byId.get(s.code)!);
      expect(site.uncoveredReached).toBe(bestNextGain(candidates, before, weight));
      expect(coveredWeight([...before, byId.get(site.code)!], weight) - coveredWeight(before, weight)).toBe(site.uncoveredReached);
    });
  });

  it("refuses bad input with BAD_USER_INPUT naming the argument", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ sessions: 0 }, "input.sessions"],
      [{ maxDistanceKm: -1 }, "input.maxDistanceKm"],
      [{ sectors: [] }, "input.sectors"],
      [{ from: "2025-12-01", to: "2025-10-01" }, "input.to"],
      [{ from: "1 Oktober" }, "input.from"],
      [{ enrollmentRate: 1.5 }, "input.enrollmentRate"],
      [{ budget: -5 }, "input.budget"],
      [{ period: "1999-01" }, "input.period"],
    ];
    for (const [input, argument] of cases) {
      const { errors } = await run(db, PLAN, { input }, ADMIN);
      expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: argument });
      expect(errors![0]!.message).toContain(argument);
    }
    const { errors } = await run(db, PLAN, { input: { regionCode: "35.26.99" } }, ADMIN);
    expect(errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("saves a plan (admin only), lists it, exports it, and turns it into planned sessions once", async () => {
    const input = { sessions: 4, from: "2025-10-01", to: "2026-01-31" };
    expect((await run(db, SAVE, { name: "MT I farmers", input })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const saved = (await run(db, SAVE, { name: "MT I farmers", input }, ADMIN)).data!.savePlan;
    const fresh = await plan(input);
    expect(saved.plan.totals.uncoveredReached).toBe(fresh.totals.uncoveredReached);
    const listed = (await run(db, PLANS)).data!.outreachPlans;
    expect(listed[0]).toMatchObject({ id: saved.id, name: "MT I farmers", sessionCount: 0 });

    // The CSV: one row per site and village, every column as the plan API gives it; the villages'
    // uncovered farmers as computed here from the raw tables.
    const csv = await (await fetch(`${app.url}/export/plans/${saved.id}.csv`, AS_ADMIN)).text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...PLAN_CSV_FIELDS]);
    const expectedRows = saved.plan.sites.flatMap((s) =>
      s.villages.map((v) => ({
        siteOrder: String(s.order),
        siteName: s.name,
        siteKind: s.kind,
        date: s.date ?? "",
        siteVillageCode: s.villageCode,
        siteVillageName: s.villageName,
        siteDistrict: s.districtName,
        lon: String(s.lon),
        lat: String(s.lat),
        villageCode: v.code,
        villageName: v.name,
        districtName: v.districtName,
        distanceKm: (v.distanceMeters! / 1000).toFixed(2),
        uncovered: String(v.uncovered),
        expectedEnrollments: v.expectedEnrollments.toFixed(1),
      })),
    );
    expect(rows).toEqual(expectedRows);
    const uncovered = await uncoveredFarmers();
    expect(rows.map((r) => Number(r.uncovered))).toEqual(rows.map((r) => uncovered.get(r.villageCode!)));
    expect(new Set(rows.map((r) => r.siteOrder)).size).toBe(4);

    // The field sheet: one page per session with its place, date and villages, numbers as in the API.
    const sheet = await fetch(`${app.url}/export/plans/${saved.id}/field-sheet?lang=en`, AS_ADMIN);
    expect(sheet.headers.get("content-type")).toContain("text/html");
    const html = await sheet.text();
    const pages = html.split('<section class="sheet">').slice(1);
    expect(pages).toHaveLength(4);
    const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
    const esc = (t: string) =>
      t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
    saved.plan.sites.forEach((site, i) => {
      const page = pages[i]!;
      expect(page).toContain(`Session ${site.order} of 4`);
      expect(page).toContain(`${esc(site.name)}, ${esc(site.villageName)}, ${esc(site.districtName)}`);
      const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${site.date}T00:00:00Z`));
      expect(page).toContain(`<dd>${day}</dd>`);
      const villageRows = [...page.matchAll(/<tbody>(.*)<\/tbody>/gs)][0]![1]!.match(/<tr>.*?<\/tr>/g)!;
      expect(villageRows.map((r) => [...r.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]).slice(0, 4))).toEqual(
        site.villages.map((v) => [esc(v.name), esc(v.districtName), number.format(v.distanceMeters! / 1000), number.format(v.uncovered!)]),
      );
      expect(page).toMatch(new RegExp(`<tfoot>.*<th class="n">${number.format(site.uncoveredReached)}</th>`, "s"));
      expect(site.villages.reduce((a, v) => a + v.uncovered!, 0)).toBe(site.uncoveredReached);
    });
    expect((await fetch(`${app.url}/export/plans/99999.csv`, AS_ADMIN)).status).toBe(404);

    const created = (await run(db, CREATE, { id: saved.id }, ADMIN)).data!.createSessionsFromPlan;
    expect(created).toHaveLength(4);
    expect(created.map((s) => [s.startsOn, s.villageCode, s.pointId])).toEqual(
      saved.plan.sites.map((s) => [s.date, s.villageCode, s.pointId]),
    );
    expect(created.every((s) => s.status === "PLANNED" && s.targetSectors.join() === "FARMER")).toBe(true);
    const again = await run(db, CREATE, { id: saved.id }, ADMIN);
    expect(again.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const [{ n }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM outreach_session WHERE plan_id = $1`, [saved.id]);
    expect(n).toBe(4);
  });
});

describe("budget view", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSeededDatabase();
  });
  afterAll(() => db?.close());

  const view = async (input: BudgetInput) => {
    const { data, errors } = await run(db, BUDGET, { input }, ADMIN);
    expect(errors).toBeUndefined();
    return data!.budgetView;
  };

  it("funds as many workers as the budget buys, largest gaps first", async () => {
    const v = await view({ budget: 1_000_000_000, sectors: ["FARMER"] });
    expect(v.costPerWorker).toBe(16_800 * 12);
    expect(v.fundableWorkers).toBe(Math.floor(1_000_000_000 / (16_800 * 12)));
    expect(v.funded).toBe(v.fundableWorkers);
    expect(v.budgetUsed).toBeLessThanOrEqual(1_000_000_000);
    const uncovered = v.allocations.map((a) => a.uncovered);
    expect(uncovered).toEqual([...uncovered].sort((a, b) => b - a));
    expect(v.allocations.slice(0, -1).every((a) => a.funded === a.uncovered)).toBe(true);
    const [farmers] = v.coverageBySector;
    const [independent] = await db.sql.query<{ workforce: number; enrolled: number }>(
      `SELECT sum(workforce)::int AS workforce, sum(enrolled)::int AS enrolled FROM coverage_summary WHERE sector_code = 'FARMER' AND period = '2025-09'`,
    );
    expect(farmers).toMatchObject({
      sector: "FARMER",
      workforce: independent!.workforce,
      enrolledBefore: independent!.enrolled,
      enrolledAfter: independent!.enrolled + v.funded,
    });
  });

  it("funds the lowest coverage rates first, or an equal share per district", async () => {
    const low = await view({ budget: 300_000_000, rule: "LOWEST_RATE", sectors: ["FARMER"] });
    const rates = low.allocations.map((a) => a.rateBefore);
    expect(rates).toEqual([...rates].sort((a, b) => a! - b!));
    const equal = await view({ budget: 300_000_000, rule: "EQUAL_PER_DISTRICT", sectors: ["FARMER"] });
    const perDistrict = new Map<string, number>();
    for (const a of equal.allocations) perDistrict.set(a.districtCode, (perDistrict.get(a.districtCode) ?? 0) + a.funded);
    expect(perDistrict.size).toBe(18);
    expect(Math.max(...perDistrict.values()) - Math.min(...perDistrict.values())).toBeLessThanOrEqual(1);
    expect(equal.funded).toBe(equal.fundableWorkers);
  });

  it("refuses an out-of-range budget as BAD_USER_INPUT, and never overflows an Int", async () => {
    const { errors } = await run(db, BUDGET, { input: { budget: 1e15 } }, ADMIN);
    expect(errors![0]!.extensions).toEqual({ code: "BAD_USER_INPUT", argumentName: "input.budget" });
    const v = await view({ budget: 1e13, monthlyPremium: 1, months: 1, sectors: ["FISHER"] });
    expect(v.fundableWorkers).toBe(2 ** 31 - 1);
  });

  it("stops at the number of uncovered workers when the budget is larger", async () => {
    const v = await view({ budget: 1e13, sectors: ["FISHER"] });
    const [{ uncovered }] = await db.sql.query<{ uncovered: number }>(
      `SELECT sum(uncovered)::int AS uncovered FROM coverage_summary WHERE sector_code = 'FISHER' AND period = '2025-09'`,
    );
    expect(v.funded).toBe(uncovered);
    expect(v.coverageBySector[0].enrolledAfter).toBe(v.coverageBySector[0].enrolledBefore + uncovered);
    expect(v.budgetRemaining).toBe(1e13 - uncovered * v.costPerWorker);
  });
});
