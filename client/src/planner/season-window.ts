// The default date window: the next planting-season distribution from today.
import type { DistributionSchedulesQuery } from "../generated/graphql.ts";

export type DistributionWindow = DistributionSchedulesQuery["fertilizerPoints"][number]["schedule"][number];

export interface SeasonWindow {
  season: string;
  from: string;
  to: string;
  /** Every loaded season has ended by `today`: this is the latest, in the past. */
  ended: boolean;
}

/**
 * Every point's schedule grouped by season (first start to last end); the first season that has
 * not ended by `today` (YYYY-MM-DD), else the latest season, marked ended. Null without schedules.
 */
export function nextSeasonWindow(schedules: readonly DistributionWindow[], today: string): SeasonWindow | null {
  const seasons = new Map<string, SeasonWindow>();
  for (const w of schedules) {
    const s = seasons.get(w.season);
    seasons.set(
      w.season,
      s
        ? { ...s, from: w.startsOn < s.from ? w.startsOn : s.from, to: w.endsOn > s.to ? w.endsOn : s.to }
        : { season: w.season, from: w.startsOn, to: w.endsOn, ended: false },
    );
  }
  const ordered = [...seasons.values()].sort((a, b) => a.from.localeCompare(b.from));
  const next = ordered.find((s) => s.to >= today);
  if (next) return next;
  const last = ordered.at(-1);
  return last ? { ...last, ended: true } : null;
}
