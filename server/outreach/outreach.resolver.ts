import { Arg, Args, ArgsType, Ctx, Field, Int, Mutation, Query, Resolver } from "type-graphql";
import { PAGE_BOUNDS } from "../../domain/bounds.ts";
import { InRange } from "../common/validation.ts";
import type { Context } from "../graphql/context.ts";
import { requireAdmin } from "../graphql/auth.ts";
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

  @Query(() => [FertilizerPointDistance], { description: "The fertilizer points nearest a village, with distance in metres." })
  nearestFertilizerPoints(
    @Args(() => NearestPointsArgs) { villageCode, first }: NearestPointsArgs,
    @Ctx() ctx: Context,
  ): Promise<FertilizerPointDistance[]> {
    return ctx.services.outreach.nearestPoints(villageCode, first);
  }

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

  @Mutation(() => OutreachSession, { description: "Plans a new outreach session (admin)." })
  createSession(
    @Arg("input", () => SessionInput, { description: "The session." }) input: SessionInput,
    @Ctx() ctx: Context,
  ): Promise<OutreachSession> {
    requireAdmin(ctx);
    return ctx.services.outreach.create(input);
  }

  @Mutation(() => OutreachSession, { description: "Changes a session's title, dates or notes (admin)." })
  updateSession(
    @Arg("id", () => Int, { description: "Session id." }) id: number,
    @Arg("patch", () => SessionPatch, { description: "Changes." }) patch: SessionPatch,
    @Ctx() ctx: Context,
  ): Promise<OutreachSession> {
    requireAdmin(ctx);
    return ctx.services.outreach.update(id, patch);
  }

  @Mutation(() => OutreachSession, { description: "Cancels a planned session (admin)." })
  cancelSession(@Arg("id", () => Int, { description: "Session id." }) id: number, @Ctx() ctx: Context): Promise<OutreachSession> {
    requireAdmin(ctx);
    return ctx.services.outreach.cancel(id);
  }

  @Mutation(() => OutreachSession, { description: "Records that a session was held: attendance and enrollments attributed (admin)." })
  recordSessionResults(
    @Arg("id", () => Int, { description: "Session id." }) id: number,
    @Arg("attendance", () => Int, { description: "People who attended." }) attendance: number,
    @Arg("enrollmentsAttributed", () => Int, { description: "Workers enrolled thanks to the session." }) enrollmentsAttributed: number,
    @Ctx() ctx: Context,
  ): Promise<OutreachSession> {
    requireAdmin(ctx);
    return ctx.services.outreach.recordResults(id, attendance, enrollmentsAttributed);
  }
}
