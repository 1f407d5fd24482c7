import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root, Authorized } from "type-graphql";
import { Capability } from "../people/roles.ts";
import { Matches } from "class-validator";
import { ENDING_SOON_MONTHS } from "../../domain/bounds.ts";
import { InRange } from "../common/validation.ts";
import { badInput } from "../common/errors.ts";
import { RegionLevel, Sector } from "../../domain/vocabulary.ts";
import type { Context } from "../graphql/context.ts";
import { CoverageNode } from "../coverage/coverage.types.ts";
import { RegionRenewals, RenewalSeriesPoint } from "./renewals.types.ts";

@ArgsType()
class RenewalsArgs {
  @Field(() => RegionLevel, { description: "Which level's regions to return." }) level!: RegionLevel;
  @Field(() => String, { nullable: true, description: "Only regions inside this region (a Kemendagri code); omit for the nation." })
  within?: string;
  @Field(() => Sector, { nullable: true, description: "One sector; omit for all sectors together." }) sector?: Sector;
  @Field(() => String, { nullable: true, description: "Month YYYY-MM (figures at its end); omit for the latest." })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "period must be a month written YYYY-MM" })
  period?: string;
}

@ArgsType()
class RenewalSeriesArgs {
  @Field(() => String, { nullable: true, description: "Region code (any level); omit for the nation (all data loaded)." }) code?: string;
  @Field(() => Sector, { nullable: true, description: "One sector; omit for all." }) sector?: Sector;
  @Field(() => Int, { defaultValue: 24, description: "How many months back from the latest, 1 to 120." })
  @InRange([1, 120], "months")
  months!: number;
}

const METHOD =
  "Read from enrollment start and end dates: one row per worker is a spell of coverage; it runs in 12-month terms from its start date " +
  "(an ACTIVE row's end date is the end of the term paid for). A term end the spell outlives is a renewal; the spell's end date is a lapse.";

@Resolver(() => CoverageNode)
export class RenewalsResolver {
  @Authorized(Capability.READ)
  @Query(() => [RegionRenewals], {
    description: `Lapses and renewals of every region at a level inside a region, at the end of a month: active, ending in the next 1 to 3 months, lapsed and renewed in the 12 months up to it. ${METHOD}`,
  })
  renewals(@Args(() => RenewalsArgs) args: RenewalsArgs, @Ctx() ctx: Context): Promise<RegionRenewals[]> {
    return ctx.services.renewals.renewals(args.level, args.within ?? null, args.sector ?? null, args.period ?? null);
  }

  @Authorized(Capability.READ)
  @Query(() => [RenewalSeriesPoint], { description: `Renewals and lapses month by month for a region, oldest first. ${METHOD}` })
  renewalSeries(@Args(() => RenewalSeriesArgs) args: RenewalSeriesArgs, @Ctx() ctx: Context): Promise<RenewalSeriesPoint[]> {
    return ctx.services.renewals.series(args.code ?? null, args.sector ?? null, args.months);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Enrolled workers whose term ends in the next `months` months after the period (batched per page): renewal outreach; null: suppressed.",
  })
  async endingSoon(
    @Root() node: CoverageNode,
    @Arg("months", () => Int, { defaultValue: 3, description: "1 to 3 months ahead." }) months: number,
    @Ctx() ctx: Context,
  ): Promise<number | null> {
    if (months < ENDING_SOON_MONTHS[0] || months > ENDING_SOON_MONTHS[1]) {
      throw badInput("months", `months must be between ${ENDING_SOON_MONTHS[0]} and ${ENDING_SOON_MONTHS[1]} (got ${months}).`);
    }
    const { total } = await ctx.services.renewals.figures({ code: node.code, period: node.period, sector: node.sectorFilter });
    return [total.endingIn1Month, total.endingIn2Months, total.endingIn3Months][months - 1];
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Workers whose coverage lapsed in the 12 months up to the period and was not renewed (batched per page); null: suppressed.",
  })
  async lapsed(@Root() node: CoverageNode, @Ctx() ctx: Context): Promise<number | null> {
    const { total } = await ctx.services.renewals.figures({ code: node.code, period: node.period, sector: node.sectorFilter });
    return total.lapsed;
  }
}
