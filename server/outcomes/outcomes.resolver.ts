import { Args, Ctx, Query, Resolver, Authorized } from "type-graphql";
import { Capability } from "../people/roles.ts";
import type { Context } from "../graphql/context.ts";
import { OUTCOME_METHOD } from "./did.ts";
import { OutcomesArgs, OutcomesReport } from "./outcomes.types.ts";

@Resolver()
export class OutcomesResolver {
  @Authorized(Capability.READ)
  @Query(() => OutcomesReport, {
    description: `What held outreach sessions achieved, per session, per plan and per district: attendance and enrollments attributed (recorded) against the plan's forecast, and an estimate of the enrollments that followed in the villages reached. ${OUTCOME_METHOD}`,
  })
  sessionOutcomes(@Args(() => OutcomesArgs) args: OutcomesArgs, @Ctx() ctx: Context): Promise<OutcomesReport> {
    return ctx.services.outcomes.outcomes(args);
  }
}
