import { Args, ArgsType, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import { PAGE_BOUNDS } from "../../domain/bounds.ts";
import { InRange } from "../common/validation.ts";
import { badInput } from "../common/errors.ts";
import type { Context } from "../graphql/context.ts";
import { Capability } from "./roles.ts";
import { auditEntries } from "./audit.ts";

@ObjectType({ description: "One entry of the audit log: who did what, when and from where (never a NIK)." })
class AuditEntry {
  @Field(() => Int, { description: "Entry id, increasing." }) id!: number;
  @Field(() => String, { description: "When (ISO 8601, UTC)." }) at!: string;
  @Field(() => String, { description: 'Who: a login, "anonymous", "ADMIN_TOKEN" or "cli".' }) actor!: string;
  @Field(() => String, { nullable: true, description: "Their role then." }) role!: string | null;
  @Field(() => String, { description: "sign-in, sign-out, mutation, import, export, plan or account." }) action!: string;
  @Field(() => String, { nullable: true, description: "What: the login signing in, the field, the export's path." }) target!: string | null;
  @Field(() => String, { description: "ok, refused, failed or limited (a sign-in refused by the rate limit)." }) outcome!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: "Arguments, long values shortened, NIKs masked." }) detail!: unknown;
  @Field(() => String, { nullable: true, description: "The client's address." }) ip!: string | null;
}

@ArgsType()
class AuditLogArgs {
  @Field(() => String, { nullable: true, description: "Only this actor." }) actor!: string | null;
  @Field(() => String, { nullable: true, description: "Only this action." }) action!: string | null;
  @Field(() => String, { nullable: true, description: "Only this outcome." }) outcome!: string | null;
  @Field(() => String, { nullable: true, description: "On or after this time (ISO 8601)." }) from!: string | null;
  @Field(() => String, { nullable: true, description: "On or before this time (ISO 8601)." }) to!: string | null;
  @Field(() => Int, { defaultValue: 100, description: "How many, newest first (1 to 1000)." })
  @InRange(PAGE_BOUNDS.auditLog, "first")
  first!: number;
}

const time = (value: string | null, argument: string): Date | null => {
  if (!value) return null;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime()))
    throw badInput(argument, `${argument} "${value}" is not a time (e.g. 2026-11-26 or 2026-11-26T08:00:00Z).`);
  return parsed;
};

@Resolver()
export class AuditResolver {
  @Authorized(Capability.ADMINISTER)
  @Query(() => [AuditEntry], { description: "The audit log, newest first (admin)." })
  async auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: Context): Promise<AuditEntry[]> {
    const rows = await auditEntries(ctx.db, { ...args, from: time(args.from, "from"), to: time(args.to, "to") });
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }
}
