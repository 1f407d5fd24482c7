// Who is asking, from the request: `Authorization: Bearer <token>` (the bootstrap ADMIN_TOKEN or a
// personal API token), else the session cookie, else anonymous (ANONYMOUS_ACCESS).
import type { Database } from "../db/database.ts";
import type { Config } from "../config.ts";
import { Accounts } from "./accounts.ts";
import { anonymous, BOOTSTRAP_ADMIN, type Viewer } from "./roles.ts";
import { sameSecret } from "./secrets.ts";

export type PeopleConfig = Pick<Config, "ADMIN_TOKEN" | "ANONYMOUS_ACCESS" | "ANALYSTS_SEE_UNSUPPRESSED">;

/** A request whose credentials were refused: it may do nothing, and is told why. */
export interface RefusedViewer extends Viewer {
  kind: "anonymous";
  role: null;
  refused: string;
}

export const SESSION_COOKIE = "cakupan_session";

export const bearerOf = (authorization: string | undefined): string | null => authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? null;

/** The session cookie's value in a Cookie header, if any. */
export function sessionCookieOf(cookie: string | undefined): string | null {
  for (const part of cookie?.split(";") ?? []) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join("="));
  }
  return null;
}

export const refused = (reason: string): RefusedViewer => ({
  kind: "anonymous",
  role: null,
  name: "anonymous",
  regions: [],
  refused: reason,
});

export async function resolveViewer(
  db: Database,
  config: PeopleConfig,
  request: { authorization?: string; cookie?: string },
): Promise<Viewer> {
  const bearer = bearerOf(request.authorization);
  if (bearer) {
    if (config.ADMIN_TOKEN && sameSecret(bearer, config.ADMIN_TOKEN)) return BOOTSTRAP_ADMIN;
    const found = await new Accounts(db).tokenViewer(bearer);
    return typeof found === "string" ? refused(found) : found;
  }
  const session = sessionCookieOf(request.cookie);
  if (session) return (await new Accounts(db).sessionViewer(session)) ?? refused("Your sign-in has expired: sign in again.");
  return anonymous(config.ANONYMOUS_ACCESS);
}
