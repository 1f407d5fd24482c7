import { Arg, Args, ArgsType, Ctx, Field, Int, Mutation, Query, Resolver, Authorized } from "type-graphql";
import { Capability } from "../people/roles.ts";
import { PAGE_BOUNDS } from "../../domain/bounds.ts";
import { InRange } from "../common/validation.ts";
import type { Context } from "../graphql/context.ts";
import { Sector, SessionStatus } from "../../domain/vocabulary.ts";
import { FertilizerPoint, FertilizerPointDistance, OutreachSession, SessionInput, SessionPatch } from "./outreach.types.ts";

@ArgsType()
class NearestPointsArgs {
  // In the order the schema has always listed them.
  @Field(() => Int, { defaultValue: 5, description: "How many (1 to 50)." })
  @InRange(PAGE_BOUNDS.nearestFertilizerPoints, "first")
  first!: number;
  @Field(() => String, { description: "Village code." }) villageCode!: string;
}

@Resolver()
export class OutreachResolver {
  @Authorized(Capability.READ)
  @Query(() => [FertilizerPoint], {
    description: "Fertilizer distribution points, optionally in a region and with distribution scheduled in a date window.",
  })
  fertilizerPoints(
    @Arg("regionCode", () => String, { nullable: true, description: "Only points in this region." }) regionCode: string | null,
    @Arg("from", () => String, { nullable: true, description: "Distribution on or after this day (YYYY-MM-DD)." }) from: string | null,
    @Arg("to", () => String, { nullable: true, description: "Distribution on or before this day (YYYY-MM-DD)." }) to: string | null,
    @Ctx() ctx: Context,
  ): Promise<FertilizerPoint[]> {
    return ctx.services.outreach.points(regionCode, from, to);
  }

  @Authorized(Capability.READ)
  @Query(() => [FertilizerPointDistance], { description: "The fertilizer points nearest a village, with distance in metres." })
  nearestFertilizerPoints(
    @Args(() => NearestPointsArgs) { villageCode, first }: NearestPointsArgs,
    @Ctx() ctx: Context,
  ): Promise<FertilizerPointDistance[]> {
    return ctx.services.outreach.nearestPoints(villageCode, first);
  }

  @Authorized(Capability.READ)
  @Query(() => [OutreachSession], { description: "Outreach sessions, filtered by region, dates and sector." })
  sessions(
    @Arg("regionCode", () => String, { nullable: true, description: "Only sessions in this region." }) regionCode: string | null,
    @Arg("from", () => String, { nullable: true, description: "Sessions ending on or after this day." }) from: string | null,
    @Arg("to", () => String, { nullable: true, description: "Sessions starting on or before this day." }) to: string | null,
    @Arg("sector", () => Sector, { nullable: true, description: "Sessions targeting this sector." }) sector: Sector | null,
    @Arg("status", () => SessionStatus, { nullable: true, description: "Only sessions in this state." }) status: SessionStatus | null,
    @Ctx() ctx: Context,
  ): Promise<OutreachSession[]> {
    return ctx.services.outreach.sessions(regionCode, from, to, sector, status);
  }

  @Authorized(Capability.EDIT_PLANS)
  @Mutation(() => OutreachSession, { description: "Plans a new outreach session (planner inside its regions, or admin)." })
  createSession(
    @Arg("input", () => SessionInput, { description: "The session." }) input: SessionInput,
    @Ctx() ctx: Context,
  ): Promise<OutreachSession> {
    return ctx.services.outreach.create(input);
  }

  @Authorized(Capability.EDIT_PLANS)
  @Mutation(() => OutreachSession, { description: "Changes a session's title, dates or notes (planner inside its regions, or admin)." })
  updateSession(
    @Arg("id", () => Int, { description: "Session id." }) id: number,
    @Arg("patch", () => SessionPatch, { description: "Changes." }) patch: SessionPatch,
    @Ctx() ctx: Context,
  ): Promise<OutreachSession> {
    return ctx.services.outreach.update(id, patch);
  }

  @Authorized(Capability.EDIT_PLANS)
  @Mutation(() => OutreachSession, { description: "Cancels a planned session (planner inside its regions, or admin)." })
  cancelSession(@Arg("id", () => Int, { description: "Session id." }) id: number, @Ctx() ctx: Context): Promise<OutreachSession> {
    return ctx.services.outreach.cancel(id);
  }

  @Authorized(Capability.EDIT_PLANS)
  @Mutation(() => OutreachSession, {
    description: "Records that a session was held: attendance and enrollments attributed (planner inside its regions, or admin).",
  })
  recordSessionResults(
    @Arg("id", () => Int, { description: "Session id." }) id: number,
    @Arg("attendance", () => Int, { description: "People who attended." }) attendance: number,
    @Arg("enrollmentsAttributed", () => Int, { description: "Workers enrolled thanks to the session." }) enrollmentsAttributed: number,
    @Ctx() ctx: Context,
  ): Promise<OutreachSession> {
    return ctx.services.outreach.recordResults(id, attendance, enrollmentsAttributed);
  }
}
