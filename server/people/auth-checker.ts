import type { AuthChecker } from "type-graphql";
import { DomainError, ErrorCode } from "../common/errors.ts";
import type { Context } from "../graphql/context.ts";
import { can, rolesWith, type Capability, type Viewer } from "./roles.ts";

/** Why `viewer` may not use what needs `capability`, as the error sent; null when it may. */
export function refusal(viewer: Viewer, capability: Capability, what: string): DomainError | null {
  if (can(viewer, capability)) return null;
  const needed = `the role ${rolesWith(capability)}`;
  if ("refused" in viewer) return new DomainError(ErrorCode.FORBIDDEN, `${viewer.refused as string} (${what} needs ${needed}.)`);
  if (viewer.kind === "anonymous")
    return new DomainError(
      ErrorCode.UNAUTHENTICATED,
      `${what} needs ${needed}: sign in (POST /auth/login) or send Authorization: Bearer <token>${viewer.role === null ? " (this server allows no anonymous access: ANONYMOUS_ACCESS=none)" : ""}.`,
    );
  return new DomainError(ErrorCode.FORBIDDEN, `${what} needs ${needed}; ${viewer.name} is a ${viewer.role}.`);
}

/** type-graphql's auth checker: `@Authorized(capability)` fields, refused with a message naming the role needed. */
export const authChecker: AuthChecker<Context, Capability> = ({ context, info }, capabilities) => {
  for (const capability of capabilities) {
    const problem = refusal(context.viewer, capability, info.fieldName);
    if (problem) throw problem;
  }
  return true;
};
