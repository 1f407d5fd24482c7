import type { Sql } from "../db/sql.ts";
import { isoDay, orderedDays } from "../common/args.ts";
import type { RegionService } from "../regions/region.service.ts";
import { differenceInDifferences, OUTCOME_METHOD } from "./did.ts";
import type { OutcomeTotals, OutcomesArgs, OutcomesReport, SessionOutcome } from "./outcomes.types.ts";
import * as q from "./outcomes.sql.ts";

/** A session row as the API gives it: every count of an outcome leaves the service through here. */
export function sessionOutcome(r: q.SessionRow): SessionOutcome {
  const treated = { workforce: r.treatedWorkforce, before: r.treatedBefore, after: r.treatedAfter };
  const control = { workforce: r.controlWorkforce, before: r.controlBefore, after: r.controlAfter };
  return {
    sessionId: r.id,
    title: r.title,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    villageCode: r.villageCode,
    villageName: r.villageName,
    districtCode: r.districtCode,
    districtName: r.districtName,
    planId: r.planId,
    planName: r.planName,
    attendance: r.attendance,
    enrollmentsAttributed: r.enrollmentsAttributed,
    forecastEnrollments: r.forecastEnrollments,
    forecastReached: r.forecastReached,
    differenceFromForecast: r.forecastEnrollments === null ? null : r.enrollmentsAttributed - r.forecastEnrollments,
    followed: {
      reachedVillages: r.treatedVillages,
      reachedWorkforce: r.treatedWorkforce,
      reachedBefore: r.treatedBefore,
      reachedAfter: r.treatedAfter,
      comparisonVillages: r.controlVillages,
      comparisonWorkforce: r.controlWorkforce,
      comparisonBefore: r.controlBefore,
      comparisonAfter: r.controlAfter,
      beforeDays: r.beforeDays,
      afterDays: r.afterDays,
      estimate: differenceInDifferences(treated, control, r.beforeDays, r.afterDays),
    },
  };
}

/** Sessions added up. */
export function totalsOf(sessions: readonly SessionOutcome[]): OutcomeTotals {
  const forecast = sessions.filter((s) => s.forecastEnrollments !== null);
  const estimates = sessions.map((s) => s.followed.estimate).filter((e): e is number => e !== null);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    sessionsHeld: sessions.length,
    attendance: sum(sessions.map((s) => s.attendance ?? 0)),
    enrollmentsAttributed: sum(sessions.map((s) => s.enrollmentsAttributed)),
    forecastEnrollments: sum(forecast.map((s) => s.forecastEnrollments!)),
    attributedWhereForecast: sum(forecast.map((s) => s.enrollmentsAttributed)),
    estimate: estimates.length ? sum(estimates) : null,
  };
}

/** Outcomes of held outreach sessions (see did.ts for the estimate). */
export class OutcomeService {
  constructor(
    private readonly sql: Sql,
    private readonly regions: RegionService,
  ) {}

  async outcomes(args: OutcomesArgs): Promise<OutcomesReport> {
    const from = isoDay(args.from, "from");
    const to = isoDay(args.to, "to");
    orderedDays(from, to, "from", "to");
    if (args.regionCode) await this.regions.require(args.regionCode, "regionCode");
    const region = args.regionCode ?? null;
    const rows = await this.sql.query<q.SessionRow>(q.SESSION_OUTCOMES, [
      region,
      from,
      to,
      args.reachKm * 1000,
      args.afterDays,
      args.beforeDays,
    ]);
    const sessions = rows.map(sessionOutcome);
    const plans = await this.sql.query<{ planId: number; planName: string; sessions: number; planForecast: number | null }>(
      q.PLANS_WITH_SESSIONS,
      [region],
    );
    const districts = [...new Map(sessions.map((s) => [s.districtCode, s.districtName])).entries()].sort(([a], [b]) => a.localeCompare(b));
    return {
      sessions,
      plans: plans.map((p) => ({ ...p, ...totalsOf(sessions.filter((s) => s.planId === p.planId)) })),
      districts: districts.map(([code, name]) => ({ code, name, ...totalsOf(sessions.filter((s) => s.districtCode === code)) })),
      total: totalsOf(sessions),
      method: OUTCOME_METHOD,
    };
  }
}
