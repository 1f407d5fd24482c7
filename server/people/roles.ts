// Who may do what: one matrix of roles and capabilities. Resolvers name a capability
// (`@Authorized(Capability.PLAN)`), the HTTP routes the same; the roles that hold it come from here.
import type { Config } from "../config.ts";

export const ROLES = ["viewer", "planner", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

export enum Capability {
  /** Aggregates: coverage, regions, points, sessions, saved plans, data quality; CSV of aggregates. */
  READ = "read",
  /** Outreach plans and budget views (not saved), and the exports of plans. */
  PLAN = "plan",
  /** Save plans, create and update sessions and record their outcomes (a planner: inside its regions). */
  EDIT_PLANS = "edit-plans",
  /** Imports of boundaries, workforce and enrollments. */
  IMPORT = "import",
  /** Accounts and the audit log. */
  ADMINISTER = "administer",
}

/** The role matrix. */
export const MATRIX: Record<Role, readonly Capability[]> = {
  viewer: [Capability.READ],
  planner: [Capability.READ, Capability.PLAN, Capability.EDIT_PLANS],
  analyst: [Capability.READ, Capability.PLAN],
  admin: [Capability.READ, Capability.PLAN, Capability.EDIT_PLANS, Capability.IMPORT, Capability.ADMINISTER],
};

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Who is asking: a signed-in person, a personal API token, the bootstrap ADMIN_TOKEN, or nobody. */
export interface Viewer {
  kind: "anonymous" | "session" | "api-token" | "bootstrap" | "cli";
  /** null: anonymous with ANONYMOUS_ACCESS=none (may do nothing). */
  role: Role | null;
  /** The login (or "anonymous", "ADMIN_TOKEN", "cli"): the audit log's actor. */
  name: string;
  userId?: number;
  displayName?: string;
  /** A planner's regions (codes at any level); empty for every other role. */
  regions: string[];
}

export const ANONYMOUS_NONE: Viewer = { kind: "anonymous", role: null, name: "anonymous", regions: [] };
export const ANONYMOUS_VIEWER: Viewer = { kind: "anonymous", role: "viewer", name: "anonymous", regions: [] };
export const BOOTSTRAP_ADMIN: Viewer = { kind: "bootstrap", role: "admin", name: "ADMIN_TOKEN", regions: [] };

export const anonymous = (access: Config["ANONYMOUS_ACCESS"]): Viewer => (access === "viewer" ? ANONYMOUS_VIEWER : ANONYMOUS_NONE);

export const can = (viewer: Viewer, capability: Capability): boolean => viewer.role !== null && MATRIX[viewer.role].includes(capability);

/** The roles holding a capability, for messages: "planner or admin". */
export function rolesWith(capability: Capability): string {
  const roles = ROLES.filter((r) => MATRIX[r].includes(capability));
  return roles.length > 1 ? `${roles.slice(0, -1).join(", ")} or ${roles[roles.length - 1]}` : roles[0]!;
}

/**
 * Whether this viewer sees counts below the minimum cell size unsuppressed: an admin always, an
 * analyst only with ANALYSTS_SEE_UNSUPPRESSED=true, nobody else.
 */
export function seesUnsuppressedCounts(viewer: Viewer, config: Pick<Config, "ANALYSTS_SEE_UNSUPPRESSED">): boolean {
  if (viewer.role === "admin") return true;
  return viewer.role === "analyst" && config.ANALYSTS_SEE_UNSUPPRESSED === true;
}
