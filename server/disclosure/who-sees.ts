import { sameSecret } from "../common/secrets.ts";

/** What a request carries that decides whether it sees counts under the minimum cell size. */
export interface Requester {
  token: string | null;
  config: { ADMIN_TOKEN?: string };
}

/**
 * Whether this request sees unsuppressed counts: for now only the admin token does (ADMIN_TOKEN,
 * compared timing-safe); later the roles decide (an admin, an analyst when the setting allows).
 */
export function seesUnsuppressedCounts(requester: Requester): boolean {
  return sameSecret(requester.token, requester.config.ADMIN_TOKEN);
}
