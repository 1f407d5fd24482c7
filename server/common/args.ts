import { badInput } from "./errors.ts";
import { parseDate } from "./text.ts";

/** A GraphQL date argument (YYYY-MM-DD) checked to be a real day; null/undefined pass through as null. */
export function isoDay(value: string | null | undefined, argument: string): string | null {
  if (value === undefined || value === null) return null;
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? parseDate(value) : null;
  if (!parsed) throw badInput(argument, `${argument} must be a date written YYYY-MM-DD (got "${value}").`);
  return parsed;
}

/** The first day must not come after the last. */
export function orderedDays(from: string | null, to: string | null, fromArg: string, toArg: string): void {
  if (from && to && from > to) throw badInput(toArg, `${toArg} (${to}) is before ${fromArg} (${from}).`);
}
