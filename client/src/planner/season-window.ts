// The default date window: the next planting-season distribution after the latest data month.
import type { DistributionSchedulesQuery } from "../generated/graphql.ts";

export type DistributionWindow = DistributionSchedulesQuery["fertilizerPoints"][number]["schedule"][number];

export interface SeasonWindow {
  season: string;
  from: string;
  to: string;
}

/** First day after the month YYYY-MM, as YYYY-MM-DD. */
function dayAfterMonth(period: string): string {
  const [y = 0, m = 0] = period.split("-").map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/**
 * Every point's schedule grouped by season (first start to last end); the first season that has
 * not ended by the end of `latestPeriod`, else the latest season. Null without schedules.
 */
export function nextSeasonWindow(schedules: readonly DistributionWindow[], latestPeriod: string | null): SeasonWindow | null {
  const seasons = new Map<string, SeasonWindow>();
  for (const w of schedules) {
    const s = seasons.get(w.season);
    seasons.set(
      w.season,
      s
        ? { season: w.season, from: w.startsOn < s.from ? w.startsOn : s.from, to: w.endsOn > s.to ? w.endsOn : s.to }
        : { season: w.season, from: w.startsOn, to: w.endsOn },
    );
  }
  const ordered = [...seasons.values()].sort((a, b) => a.from.localeCompare(b.from));
  const after = latestPeriod ? dayAfterMonth(latestPeriod) : null;
  return ordered.find((s) => after == null || s.to >= after) ?? ordered.at(-1) ?? null;
}
