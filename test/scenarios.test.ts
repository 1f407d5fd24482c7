import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { ADMIN, operation, run } from "./support/graphql.ts";
import type {
  FundingScenarioQuery,
  FundingScenarioQueryVariables,
  SaveFundingScenarioMutation,
  SaveFundingScenarioMutationVariables,
  SavedFundingScenariosQuery,
  SavedFundingScenariosQueryVariables,
} from "./generated/graphql.ts";

const SCENARIO = operation<FundingScenarioQuery, FundingScenarioQueryVariables>(/* GraphQL */ `
  query FundingScenario($input: ScenarioInput!) {
    fundingScenario(input: $input) {
      parameters {
        monthlyPremium
        months
        period
        funding {
          source
          amount
        }
      }
      costPerWorker
      renewal {
        active
        cost
        bySource {
          source
          active
          cost
        }
        bySector {
          sector
          active
          cost
        }
      }
      newCoverage {
        source
        amount
        workers
        cost
        unspent
      }
      newWorkers
      totalCost
      coverageBySector {
        sector
        workforce
        enrolledBefore
        enrolledAfter
      }
      method
    }
  }
`);

const SAVE = operation<SaveFundingScenarioMutation, SaveFundingScenarioMutationVariables>(/* GraphQL */ `
  mutation SaveFundingScenario($name: String!, $input: ScenarioInput!) {
    saveFundingScenario(name: $name, input: $input) {
      id
      name
      scenario {
        newWorkers
        totalCost
      }
    }
  }
`);

const SAVED = operation<SavedFundingScenariosQuery, SavedFundingScenariosQueryVariables>(/* GraphQL */ `
  query SavedFundingScenarios($ids: [Int!]) {
    fundingScenarios(ids: $ids) {
      id
      name
      scenario {
        newWorkers
        totalCost
        parameters {
          funding {
            source
            amount
          }
        }
      }
    }
  }
`);

describe("funding scenarios", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSeededDatabase();
  });
  afterAll(() => db?.close());

  /** Active at the end of September 2025 by payer and sector, written with dates. */
  const activeNow = (region: string | null, sectors: string[]) =>
    db.sql.query<{ source: string; sector: string; n: number }>(
      `SELECT funding_source::text AS source, sector_code AS sector, count(*)::int AS n FROM enrollment
       WHERE start_date <= date '2025-09-30' AND (end_date IS NULL OR end_date > date '2025-09-30')
         AND ($1::text IS NULL OR village_code LIKE $1 || '.%') AND sector_code = ANY($2::text[])
       GROUP BY 1, 2`,
      [region, sectors],
    );
  const uncoveredNow = (region: string | null, sector: string) =>
    db.sql
      .query<{ workforce: number; enrolled: number; uncovered: number }>(
        `SELECT sum(workforce)::int AS workforce, sum(enrolled)::int AS enrolled, sum(greatest(workforce - enrolled, 0))::int AS uncovered
         FROM coverage_summary WHERE period = '2025-09' AND sector_code = $2 AND ($1::text IS NULL OR village_code LIKE $1 || '.%')`,
        [region, sector],
      )
      .then((r) => r[0]);

  it("costs renewing every active worker for 12 months at Rp16,800, by payer and sector, and funds new workers source by source", async () => {
    const funding = [
      { source: "DBHCHT" as const, amount: 1_000_000_000 },
      { source: "DANA_DESA" as const, amount: 200_000_000 },
      { source: "APBD" as const, amount: 100_000 },
    ];
    const { data, errors } = await run(db, SCENARIO, { input: { funding } }, ADMIN);
    expect(errors).toBeUndefined();
    const s = data!.fundingScenario;
    expect(s.parameters).toMatchObject({ monthlyPremium: 16_800, months: 12, period: "2025-09" });
    expect(s.costPerWorker).toBe(201_600);
    const active = await activeNow(null, ["FARMER", "LIVESTOCK", "FISHER"]);
    const total = active.reduce((a, r) => a + r.n, 0);
    expect(total).toBeGreaterThan(26_000);
    expect(s.renewal.active).toBe(total);
    expect(s.renewal.cost).toBe(total * 16_800 * 12);
    for (const b of s.renewal.bySource) {
      const n = active.filter((r) => r.source === b.source).reduce((a, r) => a + r.n, 0);
      expect([b.active, b.cost]).toEqual([n, n * 201_600]);
    }
    expect(s.renewal.bySource.map((b) => b.source).sort()).toEqual([...new Set(active.map((r) => r.source))].sort());
    for (const b of s.renewal.bySector) expect(b.active).toBe(active.filter((r) => r.sector === b.sector).reduce((a, r) => a + r.n, 0));
    // floor(1e9 / 201,600) = 4,960 and floor(2e8 / 201,600) = 992 workers; Rp100,000 funds none.
    expect(s.newCoverage).toEqual([
      { source: "DBHCHT", amount: 1e9, workers: 4960, cost: 4960 * 201_600, unspent: 1e9 - 4960 * 201_600 },
      { source: "DANA_DESA", amount: 2e8, workers: 992, cost: 992 * 201_600, unspent: 2e8 - 992 * 201_600 },
      { source: "APBD", amount: 100_000, workers: 0, cost: 0, unspent: 100_000 },
    ]);
    expect(s.newWorkers).toBe(5952);
    expect(s.totalCost).toBe((total + 5952) * 201_600);
    let added = 0;
    for (const c of s.coverageBySector) {
      const u = await uncoveredNow(null, c.sector);
      expect([c.workforce, c.enrolledBefore]).toEqual([u.workforce, u.enrolled]);
      expect(c.enrolledAfter - c.enrolledBefore).toBeLessThanOrEqual(u.uncovered);
      added += c.enrolledAfter - c.enrolledBefore;
    }
    expect(added).toBe(5952);
    expect(s.method).toMatch(/active x premium x months/);
  });

  it("funds no more workers than are uncovered: the rest of the money is left, the later source spends nothing", async () => {
    const input = {
      regionCode: "35.26.01",
      sectors: ["FARMER" as const],
      monthlyPremium: 20_000,
      months: 6,
      funding: [
        { source: "APBD" as const, amount: 1e12 },
        { source: "SELF" as const, amount: 5e6 },
      ],
    };
    const { data, errors } = await run(db, SCENARIO, { input }, ADMIN);
    expect(errors).toBeUndefined();
    const s = data!.fundingScenario;
    const u = await uncoveredNow("35.26.01", "FARMER");
    const active = (await activeNow("35.26.01", ["FARMER"])).reduce((a, r) => a + r.n, 0);
    expect(s.renewal).toMatchObject({ active, cost: active * 120_000 });
    expect(s.newWorkers).toBe(u.uncovered);
    expect(s.newCoverage).toEqual([
      { source: "APBD", amount: 1e12, workers: u.uncovered, cost: u.uncovered * 120_000, unspent: 1e12 - u.uncovered * 120_000 },
      { source: "SELF", amount: 5e6, workers: 0, cost: 0, unspent: 5e6 },
    ]);
    expect(s.coverageBySector).toEqual([
      { sector: "FARMER", workforce: u.workforce, enrolledBefore: u.enrolled, enrolledAfter: u.enrolled + u.uncovered },
    ]);
  });

  it("saves scenarios (admin only) and lists them to compare; bad input is refused naming it, and nothing is saved", async () => {
    const count = async () => (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM funding_scenario`))[0].n;
    const input = { funding: [{ source: "DBHCHT" as const, amount: 5e8 }] };
    const anonymous = await run(db, SAVE, { name: "2026 DBHCHT", input });
    expect(anonymous.errors![0].extensions).toEqual({ code: "UNAUTHENTICATED" });
    const twice = await run(db, SAVE, { name: "x", input: { funding: [...input.funding, ...input.funding] } }, ADMIN);
    expect(twice.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input.funding" });
    expect(twice.errors![0].message).toMatch(/names DBHCHT twice/);
    const negative = await run(db, SAVE, { name: "x", input: { funding: [{ source: "APBD", amount: -1 }] } }, ADMIN);
    expect(negative.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "input.funding.amount" });
    expect(await count()).toBe(0);

    const a = await run(db, SAVE, { name: "2026 DBHCHT", input }, ADMIN);
    const b = await run(
      db,
      SAVE,
      { name: "2026 DBHCHT + Dana Desa", input: { funding: [...input.funding, { source: "DANA_DESA", amount: 3e8 }] } },
      ADMIN,
    );
    expect(a.errors).toBeUndefined();
    expect(await count()).toBe(2);
    const { data } = await run(db, SAVED, { ids: [a.data!.saveFundingScenario.id, b.data!.saveFundingScenario.id] });
    expect(data!.fundingScenarios.map((s) => s.name)).toEqual(["2026 DBHCHT + Dana Desa", "2026 DBHCHT"]);
    const [withDd, dbhcht] = data!.fundingScenarios;
    expect(withDd.scenario.newWorkers - dbhcht.scenario.newWorkers).toBe(Math.floor(3e8 / 201_600));
    expect(withDd.scenario.totalCost! - dbhcht.scenario.totalCost!).toBe(Math.floor(3e8 / 201_600) * 201_600);
  });
});
