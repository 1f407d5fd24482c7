import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root, Authorized } from "type-graphql";
import { Capability } from "../people/roles.ts";
import { Max, Min } from "class-validator";
import type { Context } from "../graphql/context.ts";
import { Sector } from "../../domain/vocabulary.ts";
import { CoverageArgs, MapValuesArgs } from "./coverage.args.ts";
import { CoverageConnection, CoverageNode, CoverageSummary, RegionRef, SectorCoverage, SeriesPoint } from "./coverage.types.ts";
import { LonLat } from "../regions/region.types.ts";

@ArgsType()
class SeriesArgs {
  @Field(() => String, { nullable: true, description: "Region code (any level); omit for the nation (all data loaded)." }) code?: string;
  @Field(() => Sector, { nullable: true, description: "One sector; omit for all." }) sector?: Sector;
  @Field(() => Int, { defaultValue: 24, description: "How many months back from the latest, 1 to 120." })
  @Min(1, { message: "months must be between 1 and 120" })
  @Max(120, { message: "months must be between 1 and 120" })
  months!: number;
}

@Resolver(() => CoverageNode)
export class CoverageResolver {
  @Authorized(Capability.READ)
  @Query(() => CoverageConnection, {
    description: "Coverage of every region at a level: sortable, filterable, paginated. Reads the coverage summary.",
  })
  coverage(@Args(() => CoverageArgs) args: CoverageArgs, @Ctx() ctx: Context): Promise<CoverageConnection> {
    return ctx.services.coverage.coverage(args);
  }

  @Authorized(Capability.READ)
  @Query(() => [String], { description: "Months with coverage figures (YYYY-MM), oldest first." })
  periods(@Ctx() ctx: Context): Promise<string[]> {
    return ctx.services.coverage.periods();
  }

  @Authorized(Capability.READ)
  @Query(() => [SeriesPoint], { description: "Monthly enrolled and coverage rate for a region, oldest first." })
  coverageSeries(@Args(() => SeriesArgs) args: SeriesArgs, @Ctx() ctx: Context): Promise<SeriesPoint[]> {
    return ctx.services.coverage.series(args.code ?? null, args.sector ?? null, args.months);
  }

  @Authorized(Capability.READ)
  @Query(() => CoverageSummary, { description: "Headline figures for a region: coverage by sector and change over 12 months." })
  coverageSummary(
    @Arg("code", () => String, {
      nullable: true,
      description: 'Region code; omit for the nation (all data loaded; its region code is "").',
    })
    code: string | null,
    @Ctx() ctx: Context,
  ): Promise<CoverageSummary> {
    return ctx.services.coverage.summary(code ?? null);
  }

  @Authorized(Capability.READ)
  @Query(() => [CoverageNode], {
    description:
      "Every region at a level inside a region (the nation when `within` is omitted), unpaged, ordered by orderBy and direction then code: what a map colours, joined to its tiles by code. The same rows and figures as `coverage` (rank within the parent region).",
  })
  mapValues(@Args(() => MapValuesArgs) args: MapValuesArgs, @Ctx() ctx: Context): Promise<CoverageNode[]> {
    return ctx.services.coverage.mapValues(args);
  }

  @FieldResolver(() => [SectorCoverage], { description: "The same figures for each sector (batched per page)." })
  bySector(@Root() node: CoverageNode, @Ctx() ctx: Context): Promise<SectorCoverage[]> {
    return ctx.services.coverage.bySector.load({ code: node.code, period: node.period, minWorkforce: node.minWorkforce });
  }

  @FieldResolver(() => LonLat, {
    nullable: true,
    description: "A point inside the region (PostGIS ST_PointOnSurface; batched per page): where to write its name or number on a map.",
  })
  async centroid(@Root() node: CoverageNode, @Ctx() ctx: Context): Promise<LonLat | null> {
    return (await ctx.services.regions.byCode.load(node.code))?.centroid ?? null;
  }

  @FieldResolver(() => RegionRef, { nullable: true, description: "The parent region." })
  parent(@Root() node: CoverageNode): RegionRef | null {
    return node.parentCode ? { code: node.parentCode, name: node.parentName ?? node.parentCode } : null;
  }
}
