import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { ADMIN, operation, run } from "./support/graphql.ts";
import { INDEPENDENT, type Expected } from "./support/independent-renewals.ts";
import type {
  MapRenewalsQuery,
  PlanTargetsQuery,
  PlanTargetsQueryVariables,
  MapRenewalsQueryVariables,
  RenewalSeriesQuery,
  RenewalSeriesQueryVariables,
  RenewalsQuery,
  RenewalsQueryVariables,
} from "./generated/graphql.ts";

const RENEWALS = operation<RenewalsQuery, RenewalsQueryVariables>(/* GraphQL */ `
  query Renewals($level: RegionLevel!, $within: String, $sector: Sector, $period: String) {
    renewals(level: $level, within: $within, sector: $sector, period: $period) {
      code
      period
      active
      endingIn1Month
      endingIn2Months
      endingIn3Months
      lapsed
      renewed
      renewalRate
      bySector {
        sector
        active
        endingIn3Months
        lapsed
        renewed
      }
    }
  }
`);

const SERIES = operation<RenewalSeriesQuery, RenewalSeriesQueryVariables>(/* GraphQL */ `
  query RenewalSeries($code: String, $sector: Sector, $months: Int) {
    renewalSeries(code: $code, sector: $sector, months: $months) {
      period
      active
      renewed
      lapsed
      renewalRate
    }
  }
`);

const MAP = operation<MapRenewalsQuery, MapRenewalsQueryVariables>(/* GraphQL */ `
  query MapRenewals($sector: Sector, $months: Int) {
    mapValues(level: VILLAGE, sector: $sector) {
      code
      enrolled
      endingSoon(months: $months)
      lapsed
    }
  }
`);

const PLAN = operation<PlanTargetsQuery, PlanTargetsQueryVariables>(/* GraphQL */ `
  query PlanTargets($input: PlanInput!) {
    outreachPlan(input: $input) {
      parameters {
        targets
      }
      totals {
        uncoveredInRegion
        uncoveredReached
      }
      sites {
        code
        villages {
          code
          uncovered
        }
      }
    }
  }
`);

describe("lapses and renewals", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSeededDatabase();
    // Enrollments without an end date run in 12-month terms from their start: some of those too.
    await db.sql.query(`UPDATE enrollment SET end_date = NULL WHERE status = 'ACTIVE' AND village_code LIKE '35.26.02.%'`);
  });
  afterAll(() => db?.close());

  const independent = (period: string, length: number) => db.sql.query<Expected>(INDEPENDENT, [period, length]);

  const sumBy = (rows: Expected[], code: string) =>
    rows
      .filter((r) => r.code === code)
      .reduce(
        (a, r) => ({
          active: a.active + r.active,
          endingIn1Month: a.endingIn1Month + r.e1,
          endingIn2Months: a.endingIn2Months + r.e2,
          endingIn3Months: a.endingIn3Months + r.e3,
          lapsed: a.lapsed + r.lapsed,
          renewed: a.renewed + r.renewed,
        }),
        { active: 0, endingIn1Month: 0, endingIn2Months: 0, endingIn3Months: 0, lapsed: 0, renewed: 0 },
      );

  it.each([
    ["REGENCY", 5, null, "2025-09"],
    ["DISTRICT", 8, "35.26", "2025-09"],
    ["DISTRICT", 8, "35.26", "2025-03"],
    ["VILLAGE", 13, "35.26.01", "2024-11"],
  ] as const)(
    "per %s (codes of %i characters) in %s at the end of %s equal independent SQL, per sector too",
    async (level, length, within, period) => {
      const expected = await independent(period, length);
      const { data, errors } = await run(db, RENEWALS, { level, within, period });
      expect(errors).toBeUndefined();
      expect(data!.renewals.length).toBeGreaterThan(0);
      for (const r of data!.renewals) {
        expect(r.period).toBe(period);
        const e = sumBy(expected, r.code);
        expect({ ...r, bySector: undefined, code: undefined, period: undefined, renewalRate: undefined }).toEqual({
          ...e,
          bySector: undefined,
          code: undefined,
          period: undefined,
          renewalRate: undefined,
        });
        expect(r.renewalRate).toBe(e.renewed + e.lapsed > 0 ? e.renewed / (e.renewed + e.lapsed) : null);
        for (const s of r.bySector) {
          const es = expected.find((x) => x.code === r.code && x.sector === s.sector)!;
          expect([s.active, s.endingIn3Months, s.lapsed, s.renewed]).toEqual([es.active, es.e3, es.lapsed, es.renewed]);
        }
      }
      // Something to compare: the demo has each kind.
      const all = sumBy(
        expected.map((x) => ({ ...x, code: "" })),
        "",
      );
      expect(all.lapsed).toBeGreaterThan(0);
      expect(all.endingIn1Month).toBeGreaterThan(0);
      if (period !== "2024-11" || level !== "VILLAGE") expect(all.renewed).toBeGreaterThan(0);
    },
  );

  it("filters one sector: the sector's own figures", async () => {
    const expected = (await independent("2025-09", 8)).filter((x) => x.sector === "LIVESTOCK");
    const { data } = await run(db, RENEWALS, { level: "DISTRICT", sector: "LIVESTOCK" });
    for (const r of data!.renewals) {
      const e = sumBy(expected, r.code);
      expect([r.active, r.endingIn3Months, r.lapsed, r.renewed]).toEqual([e.active, e.endingIn3Months, e.lapsed, e.renewed]);
      expect(r.bySector.map((s) => s.sector)).toEqual(e.active + e.lapsed > 0 ? ["LIVESTOCK"] : []);
    }
  });

  it("active equals the coverage summary's enrolled", async () => {
    const [row] = await db.sql.query<{ enrolled: number }>(
      `SELECT sum(enrolled)::int AS enrolled FROM coverage_summary WHERE period = '2025-09'`,
    );
    const { data } = await run(db, RENEWALS, { level: "REGENCY" });
    expect(data!.renewals[0].active).toBe(row.enrolled);
  });

  it("gives renewals and lapses month by month, equal to independent SQL; 12 months of them add up to the figures at the end", async () => {
    const { data, errors } = await run(db, SERIES, { code: "35.26", sector: "FARMER", months: 24 });
    expect(errors).toBeUndefined();
    const series = data!.renewalSeries;
    expect(series.length).toBe(24);
    const expected = await db.sql.query<{ period: string; renewed: number; lapsed: number }>(
      `WITH m AS (SELECT to_char(g, 'YYYY-MM') AS period FROM generate_series(date '2023-10-01', date '2025-09-01', interval '1 month') g)
       SELECT m.period,
              (SELECT count(*)::int FROM enrollment e, generate_series(1, 40) i
                WHERE e.sector_code = 'FARMER' AND to_char(e.start_date + i * interval '12 months', 'YYYY-MM') = m.period
                  AND (e.end_date IS NULL OR (e.start_date + i * interval '12 months')::date < e.end_date)) AS renewed,
              (SELECT count(*)::int FROM enrollment e WHERE e.sector_code = 'FARMER' AND to_char(e.end_date, 'YYYY-MM') = m.period) AS lapsed
       FROM m ORDER BY 1`,
    );
    expect(series.map(({ period, renewed, lapsed }) => ({ period, renewed, lapsed }))).toEqual(expected);
    const last12 = series.slice(-12);
    const { data: at } = await run(db, RENEWALS, { level: "REGENCY", sector: "FARMER" });
    expect(last12.reduce((a, p) => a + p.renewed!, 0)).toBe(at!.renewals[0].renewed);
    expect(last12.reduce((a, p) => a + p.lapsed!, 0)).toBe(at!.renewals[0].lapsed);
    expect(series.at(-1)!.active).toBe(at!.renewals[0].active);
  });

  it("has the demo's assumed renewal rate (85% for the regency's funds, 50% self-paid) over the last year", async () => {
    const { data } = await run(db, RENEWALS, { level: "REGENCY" });
    const rate = data!.renewals[0].renewalRate!;
    expect(rate).toBeGreaterThan(0.78);
    expect(rate).toBeLessThan(0.88);
  });

  it("puts endingSoon and lapsed on map values, batched: one statement more for all 281 villages", async () => {
    const expected = await independent("2025-09", 13);
    db.statements.reset();
    await run(db, `{ mapValues(level: VILLAGE, sector: FISHER) { code enrolled } }`);
    const without = db.statements.count;
    db.statements.reset();
    const { data, errors } = await run(db, MAP, { sector: "FISHER", months: 2 });
    expect(errors).toBeUndefined();
    expect(db.statements.count).toBe(without + 1);
    expect(data!.mapValues).toHaveLength(281);
    for (const n of data!.mapValues) {
      const e = expected.find((x) => x.code === n.code && x.sector === "FISHER");
      expect([n.endingSoon, n.lapsed]).toEqual([e?.e2 ?? 0, e?.lapsed ?? 0]);
    }
    expect(data!.mapValues.some((n) => n.lapsed! > 0)).toBe(true);
  });

  it("refuses a look-ahead outside 1 to 3 months, an unknown region and a month without data, naming the argument", async () => {
    const ahead = await run(db, MAP, { months: 4 });
    expect(ahead.errors![0]).toMatchObject({ message: expect.stringMatching(/months must be between 1 and 3/) });
    expect(ahead.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "months" });
    const region = await run(db, RENEWALS, { level: "VILLAGE", within: "35.26.99" });
    expect(region.errors![0].extensions).toEqual({ code: "NOT_FOUND" });
    expect(region.errors![0].message).toMatch(/within: no region with code "35.26.99"/);
    const period = await run(db, RENEWALS, { level: "REGENCY", period: "2019-01" });
    expect(period.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "period" });
  });

  it("plans for lapsed and ending-soon workers as asked; the uncovered by default, as before", async () => {
    const input = { sectors: ["FARMER" as const], regionCode: "35.26", sessions: 3, enrollmentRate: 0.3 };
    const figures = (await independent("2025-09", 13)).filter((x) => x.sector === "FARMER");
    const uncovered = await db.sql.query<{ code: string; uncovered: number }>(
      `SELECT village_code AS code, uncovered FROM coverage_summary WHERE period = '2025-09' AND sector_code = 'FARMER'`,
    );
    const of = (code: string) => figures.find((f) => f.code === code) ?? { lapsed: 0, e3: 0 };
    const expected = {
      UNCOVERED: uncovered.map((u) => [u.code, u.uncovered] as const),
      LAPSED: uncovered.map((u) => [u.code, Math.min(u.uncovered, of(u.code).lapsed)] as const),
      "UNCOVERED,ENDING_SOON": uncovered.map((u) => [u.code, u.uncovered + of(u.code).e3] as const),
    };
    const byDefault = await run(db, PLAN, { input }, ADMIN);
    for (const [targets, want] of Object.entries(expected)) {
      const { data, errors } = await run(
        db,
        PLAN,
        { input: { ...input, targets: targets.split(",") as ("UNCOVERED" | "LAPSED")[] } },
        ADMIN,
      );
      expect(errors).toBeUndefined();
      expect(data!.outreachPlan.parameters.targets).toEqual(targets.split(","));
      expect(data!.outreachPlan.totals.uncoveredInRegion).toBe(want.reduce((a, [, n]) => a + n, 0));
      const weight = new Map(want);
      for (const site of data!.outreachPlan.sites) for (const v of site.villages) expect(v.uncovered).toBe(weight.get(v.code));
      if (targets === "UNCOVERED") expect({ ...data!.outreachPlan }).toEqual({ ...byDefault.data!.outreachPlan });
    }
    expect(expected.LAPSED.some(([, n]) => n > 0)).toBe(true);
    const none = await run(db, PLAN, { input: { ...input, targets: [] } }, ADMIN);
    expect(none.errors![0].message).toMatch(/input.targets is empty/);
  });
});
