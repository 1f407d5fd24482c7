import type { Sql } from "../db/sql.ts";
import { isoDay, orderedDays } from "../common/args.ts";
import type { RegionService } from "../regions/region.service.ts";
import { differenceInDifferences, OUTCOME_METHOD } from "./did.ts";
import type { OutcomeTotals, OutcomesArgs, OutcomesReport, SessionOutcome } from "./outcomes.types.ts";
import * as q from "./outcomes.sql.ts";
import { shown, type Disclosure } from "../disclosure/disclosure.service.ts";
import { patternOver } from "../disclosure/rule.ts";
import { sessionPatterns, type SessionPatterns } from "../outreach/session-disclosure.ts";

const FOLLOWED = ["treatedBefore", "treatedAfter", "controlBefore", "controlAfter"] as const;

/**
 * A session row as the API gives it: every count of an outcome leaves the service through here.
 * Disclosure control: the recorded counts as session-disclosure.ts suppresses them; each count of
 * enrollments that followed (a sum over the villages reached or compared) under the rule's primary
 * suppression (no published sum holds it), and the estimate, made from them, null with any of them.
 */
export function sessionOutcome(r: q.SessionRow, patterns: SessionPatterns | null = null, minCellSize = 1): SessionOutcome {
  const followed = new Map(FOLLOWED.map((k) => [k, { enrolled: r[k] }]));
  const hidden = patterns ? patternOver(followed, [], minCellSize) : new Set<string>();
  const attendanceHidden = patterns?.attendance.has(r.id) ?? false;
  const attributedHidden = patterns?.enrollmentsAttributed.has(r.id) ?? false;
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
    attendance: attendanceHidden ? null : r.attendance,
    enrollmentsAttributed: shown(r.enrollmentsAttributed, attributedHidden),
    forecastEnrollments: r.forecastEnrollments,
    forecastReached: r.forecastReached,
    differenceFromForecast: r.forecastEnrollments === null || attributedHidden ? null : r.enrollmentsAttributed - r.forecastEnrollments,
    suppressed: attendanceHidden || attributedHidden || hidden.size > 0,
    followed: {
      reachedVillages: r.treatedVillages,
      reachedWorkforce: r.treatedWorkforce,
      reachedBefore: shown(r.treatedBefore, hidden.has("treatedBefore")),
      reachedAfter: shown(r.treatedAfter, hidden.has("treatedAfter")),
      comparisonVillages: r.controlVillages,
      comparisonWorkforce: r.controlWorkforce,
      comparisonBefore: shown(r.controlBefore, hidden.has("controlBefore")),
      comparisonAfter: shown(r.controlAfter, hidden.has("controlAfter")),
      beforeDays: r.beforeDays,
      afterDays: r.afterDays,
      estimate: hidden.size ? null : differenceInDifferences(treated, control, r.beforeDays, r.afterDays),
      suppressed: hidden.size > 0,
    },
  };
}

/**
 * Sessions added up, as published: a suppressed figure counts in no sum (a sum that held it would
 * give it back, with the other sessions', by subtraction); `suppressedSessions` says how many were left out.
 */
export function totalsOf(sessions: readonly SessionOutcome[]): OutcomeTotals {
  const forecast = sessions.filter((s) => s.forecastEnrollments !== null);
  const estimates = sessions.map((s) => s.followed.estimate).filter((e): e is number => e !== null);
  const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  return {
    sessionsHeld: sessions.length,
    attendance: sum(sessions.map((s) => s.attendance)),
    enrollmentsAttributed: sum(sessions.map((s) => s.enrollmentsAttributed)),
    forecastEnrollments: sum(forecast.map((s) => s.forecastEnrollments)),
    attributedWhereForecast: sum(forecast.map((s) => s.enrollmentsAttributed)),
    estimate: estimates.length ? sum(estimates) : null,
    suppressedSessions: sessions.filter((s) => s.suppressed).length,
  };
}

/** Outcomes of held outreach sessions (see did.ts for the estimate). */
export class OutcomeService {
  constructor(
    private readonly sql: Sql,
    private readonly regions: RegionService,
    private readonly disclosure: Disclosure = { minCellSize: 1, suppress: false },
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
    const patterns = await sessionPatterns(this.sql, this.disclosure);
    const sessions = rows.map((r) => sessionOutcome(r, patterns, this.disclosure.minCellSize));
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
