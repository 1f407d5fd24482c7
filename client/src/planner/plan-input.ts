// From the planner's URL state to the PlanInput the server takes.
import type { PlanInput } from "./plan-queries.ts";
import type { PlanForm } from "./plan-state.ts";
import type { SeasonWindow } from "./season-window.ts";

/**
 * The form's own dates win; otherwise the derived season window fills both ends. `period` is the
 * month whose coverage the plan starts from: the one shown on the map; `regionCode` the region
 * viewed, which the plan is made within.
 */
export function toPlanInput(form: PlanForm, season: SeasonWindow | null, period: string | null, regionCode: string | null): PlanInput {
  return {
    sectors: form.sectors,
    targets: form.targets,
    sessions: form.sessions,
    maxDistanceKm: form.maxDistanceKm,
    candidates: form.candidates,
    from: form.from ?? season?.from ?? null,
    to: form.to ?? season?.to ?? null,
    enrollmentRate: form.enrollmentRate,
    budget: form.budget,
    monthlyPremium: form.monthlyPremium,
    months: form.months,
    period,
    regionCode,
  };
}
