import { Arg, Ctx, Int, Mutation, Query, Resolver, Authorized } from "type-graphql";
import { Capability } from "../people/roles.ts";
import type { Context } from "../graphql/context.ts";
import { FundingScenarioResult, SavedFundingScenario, ScenarioInput } from "./scenarios.types.ts";

@Resolver()
export class ScenariosResolver {
  @Authorized(Capability.READ)
  @Query(() => FundingScenarioResult, {
    description:
      "Next year's premium cost of renewing every active worker, and what extra money from each source (DBHCHT, APBD, Dana Desa, self-paid) buys in new coverage, with the coverage by sector that results.",
  })
  fundingScenario(
    @Arg("input", () => ScenarioInput, { description: "Premium, months and extra money by source." }) input: ScenarioInput,
    @Ctx() ctx: Context,
  ): Promise<FundingScenarioResult> {
    return ctx.services.scenarios.scenario(input);
  }

  @Authorized(Capability.READ)
  @Query(() => [SavedFundingScenario], { description: "Saved funding scenarios, newest first (only `ids` when given, to compare them)." })
  fundingScenarios(
    @Arg("ids", () => [Int], { nullable: true, description: "Only these scenarios." }) ids: number[] | null,
    @Ctx() ctx: Context,
  ): Promise<SavedFundingScenario[]> {
    return ctx.services.scenarios.savedScenarios(ids ?? null);
  }

  @Authorized(Capability.ADMINISTER)
  @Mutation(() => SavedFundingScenario, { description: "Computes a funding scenario and saves it under a name (admin)." })
  saveFundingScenario(
    @Arg("name", () => String, { description: "Name, e.g. 2026 DBHCHT + Dana Desa." }) name: string,
    @Arg("input", () => ScenarioInput, { description: "The scenario." }) input: ScenarioInput,
    @Ctx() ctx: Context,
  ): Promise<SavedFundingScenario> {
    return ctx.services.scenarios.save(name, input);
  }
}
