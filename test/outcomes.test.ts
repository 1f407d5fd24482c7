import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { ADMIN, operation, run } from "./support/graphql.ts";
import type {
  OutcomePlanMutation,
  OutcomePlanMutationVariables,
  OutcomeSessionsMutation,
  OutcomeSessionsMutationVariables,
  RecordOutcomeMutation,
  RecordOutcomeMutationVariables,
  SessionOutcomesQuery,
  SessionOutcomesQueryVariables,
} from "./generated/graphql.ts";

const SAVE = operation<OutcomePlanMutation, OutcomePlanMutationVariables>(/* GraphQL */ `
  mutation OutcomePlan($input: PlanInput!) {
    savePlan(name: "MT I 2024/2025 farmers", input: $input) {
      id
      plan {
        totals {
          expectedEnrollments
        }
        sites {
          villageCode
          pointId
          date
          expectedEnrollments
          uncoveredReached
          villages {
            code
          }
        }
      }
    }
  }
`);

const CREATE = operation<OutcomeSessionsMutation, OutcomeSessionsMutationVariables>(/* GraphQL */ `
  mutation OutcomeSessions($id: Int!) {
    createSessionsFromPlan(planId: $id) {
      id
      villageCode
      pointId
      startsOn
    }
  }
`);

const RECORD = operation<RecordOutcomeMutation, RecordOutcomeMutationVariables>(/* GraphQL */ `
  mutation RecordOutcome($id: Int!, $attendance: Int!, $enrolled: Int!) {
    recordSessionResults(id: $id, attendance: $attendance, enrollmentsAttributed: $enrolled) {
      id
    }
  }
`);

const OUTCOMES = operation<SessionOutcomesQuery, SessionOutcomesQueryVariables>(/* GraphQL */ `
  query SessionOutcomes($regionCode: String, $from: String, $to: String, $reachKm: Float) {
    sessionOutcomes(regionCode: $regionCode, from: $from, to: $to, reachKm: $reachKm) {
      sessions {
        sessionId
        startsOn
        endsOn
        districtCode
        planId
        attendance
        enrollmentsAttributed
        forecastEnrollments
        forecastReached
        differenceFromForecast
        followed {
          reachedVillages
          reachedWorkforce
          reachedBefore
          reachedAfter
          comparisonVillages
          comparisonWorkforce
          comparisonBefore
          comparisonAfter
          beforeDays
          afterDays
          estimate
        }
      }
      plans {
        planId
        sessions
        planForecast
        sessionsHeld
        attendance
        enrollmentsAttributed
        forecastEnrollments
        attributedWhereForecast
        estimate
      }
      districts {
        code
        sessionsHeld
        attendance
        enrollmentsAttributed
        estimate
      }
      total {
        sessionsHeld
        enrollmentsAttributed
        estimate
      }
      method
    }
  }
`);

const DAY = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("what the sessions achieved", () => {
  let db: Database;
  let plan: OutcomePlanMutation["savePlan"];
  const recorded = new Map<number, { attendance: number; enrolled: number }>();

  beforeAll(async () => {
    db = await openSeededDatabase();
    const input = {
      sectors: ["FARMER" as const],
      sessions: 3,
      from: "2024-10-15",
      to: "2024-12-15",
      period: "2024-09",
      regionCode: "35.26",
    };
    const saved = await run(db, SAVE, { input }, ADMIN);
    expect(saved.errors).toBeUndefined();
    plan = saved.data!.savePlan;
    const created = (await run(db, CREATE, { id: plan.id }, ADMIN)).data!.createSessionsFromPlan;
    for (const [i, s] of created.entries()) {
      const r = { attendance: 50 + 10 * i, enrolled: 5 + 7 * i };
      recorded.set(s.id, r);
      expect((await run(db, RECORD, { id: s.id, attendance: r.attendance, enrolled: r.enrolled }, ADMIN)).errors).toBeUndefined();
    }
  });
  afterAll(() => db?.close());

  it("compares each session of a plan with its site's forecast, and adds them up per plan", async () => {
    const { data, errors } = await run(db, OUTCOMES, { regionCode: "35.26" });
    expect(errors).toBeUndefined();
    const report = data!.sessionOutcomes;
    const mine = report.sessions.filter((s) => s.planId === plan.id);
    expect(mine).toHaveLength(plan.plan.sites.length);
    for (const s of mine) {
      const sessionRow = (
        await db.sql.query<{ village_code: string; point_id: number | null; starts_on: string }>(
          `SELECT village_code, point_id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on FROM outreach_session WHERE id = $1`,
          [s.sessionId],
        )
      )[0];
      const site = plan.plan.sites.find(
        (x) => x.villageCode === sessionRow.village_code && x.pointId === sessionRow.point_id && x.date === sessionRow.starts_on,
      )!;
      expect(s.forecastEnrollments).toBe(site.expectedEnrollments);
      expect(s.forecastReached).toBe(site.uncoveredReached);
      expect(s.enrollmentsAttributed).toBe(recorded.get(s.sessionId)!.enrolled);
      expect(s.differenceFromForecast).toBe(recorded.get(s.sessionId)!.enrolled - site.expectedEnrollments);
      expect(s.followed.reachedVillages).toBe(site.villages.length);
    }
    const p = report.plans.find((x) => x.planId === plan.id)!;
    expect(p).toMatchObject({
      sessions: plan.plan.sites.length,
      sessionsHeld: plan.plan.sites.length,
      planForecast: plan.plan.totals.expectedEnrollments,
      forecastEnrollments: sum(plan.plan.sites.map((x) => x.expectedEnrollments)),
      attendance: sum([...recorded.values()].map((r) => r.attendance)),
      enrollmentsAttributed: sum([...recorded.values()].map((r) => r.enrolled)),
      attributedWhereForecast: sum([...recorded.values()].map((r) => r.enrolled)),
    });
    // Per district and in all: the sessions' own figures added up.
    for (const d of report.districts) {
      const inside = report.sessions.filter((s) => s.districtCode === d.code);
      expect([d.sessionsHeld, d.attendance, d.enrollmentsAttributed]).toEqual([
        inside.length,
        sum(inside.map((s) => s.attendance ?? 0)),
        sum(inside.map((s) => s.enrollmentsAttributed!)),
      ]);
    }
    expect(report.total.sessionsHeld).toBe(report.sessions.length);
    expect(report.method).toMatch(/Difference in differences/);
  });

  it("estimates the enrollments that followed in the villages reached against the comparison villages, as independent SQL and arithmetic do", async () => {
    const { data } = await run(db, OUTCOMES, { regionCode: "35.26", reachKm: 4 });
    const report = data!.sessionOutcomes;
    const held = await db.sql.query<{
      id: number;
      starts: string;
      ends: string;
      village: string;
      sectors: string[];
      plan_id: number | null;
    }>(
      `SELECT id, to_char(starts_on, 'YYYY-MM-DD') AS starts, to_char(ends_on, 'YYYY-MM-DD') AS ends, village_code AS village,
              target_sectors AS sectors, plan_id FROM outreach_session WHERE status = 'HELD' ORDER BY id`,
    );
    expect(held.length).toBeGreaterThan(5);
    // Reach: the plan's villages for the plan's sessions, else villages within 4 km (geography distance).
    const reach = new Map<number, Set<string>>();
    for (const h of held) {
      if (h.plan_id === plan.id) {
        const row = (await db.sql.query<{ point_id: number | null }>(`SELECT point_id FROM outreach_session WHERE id = $1`, [h.id]))[0];
        const site = plan.plan.sites.find((x) => x.villageCode === h.village && x.pointId === row.point_id && x.date === h.starts)!;
        reach.set(h.id, new Set(site.villages.map((v) => v.code)));
      } else {
        const rows = await db.sql.query<{ code: string }>(
          `SELECT v.code FROM outreach_session s JOIN region sv ON sv.code = s.village_code, region v
           WHERE s.id = $1 AND v.level = 'VILLAGE' AND ST_Distance(coalesce(s.location, sv.centroid)::geography, v.centroid::geography) <= 4000`,
          [h.id],
        );
        reach.set(h.id, new Set(rows.map((r) => r.code)));
      }
    }
    const regency = (await db.sql.query<{ code: string }>(`SELECT code FROM region WHERE level = 'VILLAGE' AND code LIKE '35.26.%'`)).map(
      (r) => r.code,
    );
    const count = async (codes: string[], sectors: string[], from: string, to: string) =>
      (
        await db.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM enrollment WHERE village_code = ANY($1) AND sector_code = ANY($2) AND start_date BETWEEN $3::date AND $4::date`,
          [codes, sectors, from, to],
        )
      )[0].n;
    const workforce = async (codes: string[], sectors: string[], month: string) =>
      (
        await db.sql.query<{ n: number }>(
          `SELECT coalesce(sum(workforce), 0)::int AS n FROM coverage_summary WHERE village_code = ANY($1) AND sector_code = ANY($2) AND period = $3`,
          [codes, sectors, month],
        )
      )[0].n;
    let withEstimate = 0;
    for (const s of report.sessions) {
      const h = held.find((x) => x.id === s.sessionId)!;
      const beforeFrom = addDays(h.starts, -180);
      const afterTo = [addDays(h.ends, 60), "2025-09-30"].sort()[0]!;
      const treated = [...reach.get(h.id)!];
      const busy = new Set(held.filter((o) => o.starts <= afterTo && o.ends >= beforeFrom).flatMap((o) => [...reach.get(o.id)!]));
      const control = regency.filter((c) => !busy.has(c));
      const month = [h.starts.slice(0, 7), "2025-09"].sort()[0]! < "2023-10" ? "2023-10" : [h.starts.slice(0, 7), "2025-09"].sort()[0]!;
      const t = {
        workforce: await workforce(treated, h.sectors, month),
        before: await count(treated, h.sectors, beforeFrom, addDays(h.starts, -1)),
        after: await count(treated, h.sectors, h.starts, afterTo),
      };
      const c = {
        workforce: await workforce(control, h.sectors, month),
        before: await count(control, h.sectors, beforeFrom, addDays(h.starts, -1)),
        after: await count(control, h.sectors, h.starts, afterTo),
      };
      const afterDays = Math.max((Date.parse(afterTo) - Date.parse(h.starts)) / DAY + 1, 0);
      expect(s.followed).toMatchObject({
        reachedVillages: treated.length,
        reachedWorkforce: t.workforce,
        reachedBefore: t.before,
        reachedAfter: t.after,
        comparisonVillages: control.length,
        comparisonWorkforce: c.workforce,
        comparisonBefore: c.before,
        comparisonAfter: c.after,
        beforeDays: 180,
        afterDays,
      });
      // Per 1,000 workers over 60 days, then back to enrollments over the days after.
      const per = (n: number, w: number, days: number) => (n * 1000 * 60) / (w * days);
      const expected =
        t.workforce > 0 && c.workforce > 0 && afterDays > 0
          ? ((per(t.after, t.workforce, afterDays) -
              per(t.before, t.workforce, 180) -
              (per(c.after, c.workforce, afterDays) - per(c.before, c.workforce, 180))) *
              t.workforce *
              afterDays) /
            (1000 * 60)
          : null;
      if (expected === null) expect(s.followed.estimate).toBeNull();
      else {
        expect(s.followed.estimate).toBeCloseTo(expected, 6);
        withEstimate++;
      }
    }
    expect(withEstimate).toBeGreaterThan(3);
    const estimates = report.sessions.map((s) => s.followed.estimate).filter((e): e is number => e !== null);
    expect(report.total.estimate).toBeCloseTo(sum(estimates), 6);
  });

  it("refuses bad arguments naming them", async () => {
    const order = await run(db, OUTCOMES, { from: "2025-01-01", to: "2024-01-01" });
    expect(order.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "to" });
    const km = await run(db, OUTCOMES, { reachKm: 0 });
    expect(km.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "reachKm" });
    const region = await run(db, OUTCOMES, { regionCode: "35.99" });
    expect(region.errors![0].extensions).toEqual({ code: "NOT_FOUND" });
  });
});
