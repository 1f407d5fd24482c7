import { ArgsType, Field, Float, Int } from "type-graphql";
import { Matches } from "class-validator";
import { PAGE_BOUNDS, TARGET_RATE } from "../../domain/bounds.ts";
import { AtLeast, InRange } from "../common/validation.ts";
import { CoverageMetric, RegionLevel, Reliability, Sector, SortDirection } from "../../domain/vocabulary.ts";

@ArgsType()
export class CoverageArgs {
  @Field(() => RegionLevel, { description: "Which level's regions to return." }) level!: RegionLevel;
  @Field(() => Sector, { nullable: true, description: "One sector; omit for all sectors together." }) sector?: Sector;
  @Field(() => String, { nullable: true, description: "Month YYYY-MM; omit for the latest." })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "period must be a month written YYYY-MM" })
  period?: string;
  @Field(() => String, { nullable: true, description: "Only regions inside this region (a Kemendagri code)." }) parentCode?: string;
  @Field(() => Float, { defaultValue: 0.5, description: "Target coverage rate for gapToTarget (0 to 1)." })
  @InRange(TARGET_RATE, "target")
  target!: number;
  @Field(() => CoverageMetric, { defaultValue: CoverageMetric.COVERAGE_RATE, description: "Metric to sort and rank by." })
  orderBy!: CoverageMetric;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "Sort direction." }) direction!: SortDirection;
  @Field(() => Int, { defaultValue: 50, description: "Page size, 1 to 500." })
  @InRange(PAGE_BOUNDS.coverage, "first")
  first!: number;
  @Field(() => String, { nullable: true, description: "Cursor of the row after which to start." }) after?: string;
  @Field(() => Float, { nullable: true, description: "Only regions with coverageRate at least this." }) minCoverageRate?: number;
  @Field(() => Float, { nullable: true, description: "Only regions with coverageRate at most this (e.g. 0.5: below half covered)." })
  maxCoverageRate?: number;
  @Field(() => Int, { nullable: true, description: "Only regions with at least this many uncovered workers." }) minUncovered?: number;
  @Field(() => [Reliability], { nullable: true, description: "Only regions whose rate has one of these reliabilities." })
  reliability?: Reliability[];
  @Field(() => Int, { defaultValue: 30, description: "Workforce below this makes a rate SMALL_WORKFORCE." })
  @AtLeast(0, "minWorkforce")
  minWorkforce!: number;
}

@ArgsType()
export class MapValuesArgs {
  @Field(() => RegionLevel, { description: "Which level's regions to return." }) level!: RegionLevel;
  @Field(() => String, { nullable: true, description: "Only regions inside this region (a Kemendagri code); omit for the nation." })
  within?: string;
  @Field(() => Sector, { nullable: true, description: "One sector; omit for all sectors together." }) sector?: Sector;
  @Field(() => String, { nullable: true, description: "Month YYYY-MM; omit for the latest." })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "period must be a month written YYYY-MM" })
  period?: string;
  @Field(() => Float, { defaultValue: 0.5, description: "Target coverage rate for gapToTarget (0 to 1)." })
  @InRange(TARGET_RATE, "target")
  target!: number;
  @Field(() => CoverageMetric, { defaultValue: CoverageMetric.COVERAGE_RATE, description: "Metric to order and rank by." })
  orderBy!: CoverageMetric;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "Order direction." }) direction!: SortDirection;
  @Field(() => Int, { defaultValue: 30, description: "Workforce below this makes a rate SMALL_WORKFORCE." })
  @AtLeast(0, "minWorkforce")
  minWorkforce!: number;
}
