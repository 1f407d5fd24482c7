import { sameSecret } from "../common/secrets.ts";
import { DomainError, ErrorCode } from "../common/errors.ts";
import type { Context } from "./context.ts";

/** Mutations need the admin token from ADMIN_TOKEN, sent as `Authorization: Bearer <token>`. */
export function requireAdmin(ctx: Context): void {
  const expected = ctx.config.ADMIN_TOKEN;
  if (!ctx.token)
    throw new DomainError(ErrorCode.UNAUTHENTICATED, "This mutation needs the admin token: send Authorization: Bearer <ADMIN_TOKEN>.");
  if (!expected) throw new DomainError(ErrorCode.FORBIDDEN, "Mutations are disabled: set ADMIN_TOKEN on the server.");
  if (!sameSecret(ctx.token, expected)) throw new DomainError(ErrorCode.FORBIDDEN, "The admin token is wrong.");
}
