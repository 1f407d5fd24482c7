import { Arg, Ctx, Int, Mutation, Query, Resolver, Authorized } from "type-graphql";
import { Capability } from "../people/roles.ts";
import type { Context } from "../graphql/context.ts";
import { OutreachSession } from "../outreach/outreach.types.ts";
import { BudgetInput, BudgetView, OutreachPlanResult, PlanInput, SavedPlan } from "./planner.types.ts";

@Resolver()
export class PlannerResolver {
  @Authorized(Capability.PLAN)
  @Query(() => OutreachPlanResult, {
    description:
      "Plans outreach sessions: the sites (fertilizer points with distribution in the window) that reach the most uncovered workers within the travel distance and the budget, chosen greedily (at least 1 - 1/e of the optimum).",
  })
  outreachPlan(
    @Arg("input", () => PlanInput, { description: "What to plan." }) input: PlanInput,
    @Ctx() ctx: Context,
  ): Promise<OutreachPlanResult> {
    return ctx.services.planner.plan(input);
  }

  @Authorized(Capability.PLAN)
  @Query(() => BudgetView, {
    description:
      "How many more workers a premium budget can fund, which villages first under a rule, and the coverage by sector that results.",
  })
  budgetView(
    @Arg("input", () => BudgetInput, { description: "Budget and rule." }) input: BudgetInput,
    @Ctx() ctx: Context,
  ): Promise<BudgetView> {
    return ctx.services.planner.budget(input);
  }

  @Authorized(Capability.READ)
  @Query(() => [SavedPlan], { description: "Saved outreach plans, newest first." })
  outreachPlans(@Ctx() ctx: Context): Promise<SavedPlan[]> {
    return ctx.services.planner.savedPlans();
  }

  @Authorized(Capability.READ)
  @Query(() => SavedPlan, { description: "One saved outreach plan." })
  savedPlan(@Arg("id", () => Int, { description: "Plan id." }) id: number, @Ctx() ctx: Context): Promise<SavedPlan> {
    return ctx.services.planner.saved(id);
  }

  @Authorized(Capability.EDIT_PLANS)
  @Mutation(() => SavedPlan, { description: "Computes a plan and saves it under a name (planner inside its regions, or admin)." })
  savePlan(
    @Arg("name", () => String, { description: "Name, e.g. MT I 2025 farmers." }) name: string,
    @Arg("input", () => PlanInput, { description: "What to plan." }) input: PlanInput,
    @Ctx() ctx: Context,
  ): Promise<SavedPlan> {
    return ctx.services.planner.save(name, input);
  }

  @Authorized(Capability.EDIT_PLANS)
  @Mutation(() => [OutreachSession], {
    description:
      "Turns a saved plan into planned outreach sessions, one per site on its date, all or none (planner inside its regions, or admin).",
  })
  async createSessionsFromPlan(
    @Arg("planId", () => Int, { description: "Saved plan id." }) planId: number,
    @Ctx() ctx: Context,
  ): Promise<OutreachSession[]> {
    const ids = await ctx.services.planner.createSessions(planId);
    return Promise.all(ids.map((id) => ctx.services.outreach.session(id)));
  }
}
