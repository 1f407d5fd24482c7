// The plan the planner view asks for: its default window from the distribution schedules, the
// server's answer, and what the map draws of it.
import { useMemo } from "react";
import { useQuery } from "@apollo/client/react";
import type { RegionCollection } from "../types.ts";
import { toPlanInput } from "./plan-input.ts";
import { planOverlayData } from "./plan-overlay-data.ts";
import { DISTRIBUTION_SCHEDULES, OUTREACH_PLAN } from "./plan-queries.ts";
import type { PlanForm } from "./plan-state.ts";
import { nextSeasonWindow } from "./season-window.ts";

/**
 * `period`: the month on the map (the latest by default); the plan starts from its coverage.
 * `regionCode`: the region viewed; the plan's candidate sites, reach and default window are its own.
 */
export function usePlanner(
  form: PlanForm,
  active: boolean,
  period: string | null,
  villages: RegionCollection | undefined,
  regionCode: string | null,
) {
  const needsWindow = active && (form.from == null || form.to == null);
  const schedules = useQuery(DISTRIBUTION_SCHEDULES, { variables: { regionCode }, skip: !needsWindow });
  const season = useMemo(
    // From today, not from the latest data month: a default window never lies in the past while a later one is loaded.
    () => nextSeasonWindow(schedules.data?.fertilizerPoints.flatMap((p) => p.schedule) ?? [], new Date().toISOString().slice(0, 10)),
    [schedules.data],
  );
  const ready = active && period != null && (!needsWindow || schedules.data != null);
  const input = useMemo(() => (ready ? toPlanInput(form, season, period, regionCode) : null), [ready, form, season, period, regionCode]);
  const plan = useQuery(OUTREACH_PLAN, { variables: { input: input! }, skip: !input });
  const result = input ? (plan.data?.outreachPlan ?? null) : null;
  const overlay = useMemo(() => (result && villages ? planOverlayData(result, villages) : null), [result, villages]);
  return { season, input, result, overlay, loading: plan.loading || schedules.loading, error: plan.error ?? schedules.error };
}
