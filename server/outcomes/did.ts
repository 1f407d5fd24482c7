// The difference-in-differences estimate of the enrollments that followed a session. Pure.

export const OUTCOME_METHOD =
  "Difference in differences. Reached villages: the site's villages in the plan the session came from; without a plan, the villages whose " +
  "inner point lies within reachKm of the session. Comparison villages: the other villages of the same regency that no held session reached " +
  "in the before or after window. For each group, new enrollments in the session's target sectors per worker per day (workforce of those " +
  "sectors in the month the session starts), after (from the first day to afterDays after the last day, cut at the last day with data) minus " +
  "before (the beforeDays before the first day). Estimate = (reached after - reached before) - (comparison after - comparison before), times " +
  "the reached villages' workforce and the days after. Limits: it assumes the two groups would have moved alike without the session (parallel " +
  "trends); word of mouth into comparison villages, other campaigns, overlapping sessions and late-registered enrollments bias it; over few " +
  "villages or a short window it is noisy. It is an estimate, not a count; enrollmentsAttributed is what was recorded.";

export interface GroupCounts {
  workforce: number;
  before: number;
  after: number;
}

/** New enrollments per worker per day; null without workers or days. */
const perWorkerDay = (count: number, workforce: number, days: number): number | null =>
  workforce > 0 && days > 0 ? count / workforce / days : null;

/**
 * Extra enrollments in the reached villages over the days after, beyond what the comparison
 * villages' change predicts; null when a group has no workforce or there are no days after yet.
 */
export function differenceInDifferences(treated: GroupCounts, control: GroupCounts, beforeDays: number, afterDays: number): number | null {
  const rates = [
    perWorkerDay(treated.after, treated.workforce, afterDays),
    perWorkerDay(treated.before, treated.workforce, beforeDays),
    perWorkerDay(control.after, control.workforce, afterDays),
    perWorkerDay(control.before, control.workforce, beforeDays),
  ];
  if (rates.some((r) => r === null)) return null;
  const [ta, tb, ca, cb] = rates as number[];
  return (ta - tb - (ca - cb)) * treated.workforce * afterDays;
}
