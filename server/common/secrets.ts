import { timingSafeEqual } from "node:crypto";

/** A secret sent with a request is the expected one (a timing-safe comparison); false when either is missing. */
export function sameSecret(given: string | null | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
