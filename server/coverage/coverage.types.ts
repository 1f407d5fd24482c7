import { Field, Float, Int, ObjectType } from "type-graphql";
import { RegionLevel, Reliability, Sector } from "../../domain/vocabulary.ts";

@ObjectType({ description: "Coverage of one sector in a region." })
export class SectorCoverage {
  @Field(() => Sector, { description: "The sector." }) sector!: Sector;
  @Field(() => Int, { description: "Estimated workers in the sector." }) workforce!: number;
  @Field(() => Int, { nullable: true, description: "Workers enrolled in JKK/JKM; null when suppressed." }) enrolled!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "enrolled / workforce (0 to 1, above 1 when enrolled exceed the estimate); null when workforce is 0 or suppressed.",
  })
  coverageRate!: number | null;
  @Field(() => Int, { nullable: true, description: "Workers not enrolled (workforce - enrolled, at least 0); null when suppressed." })
  uncovered!: number | null;
  @Field(() => Reliability, { description: "How far the rate can be trusted." }) reliability!: Reliability;
  @Field(() => Boolean, {
    description:
      "Withheld by disclosure control (fewer enrolled than datasetInfo.minCellSize, or it would give such a count back): the count and what derives from it are null.",
  })
  suppressed!: boolean;
}

@ObjectType({ description: "A region's name and code." })
export class RegionRef {
  @Field(() => String, { description: "Kemendagri code." }) code!: string;
  @Field(() => String, { description: "Name." }) name!: string;
}

@ObjectType({ description: "Coverage of a region (all sectors together unless a sector was asked for)." })
export class CoverageNode {
  @Field(() => String, { description: "Kemendagri code." }) code!: string;
  @Field(() => String, { description: "Region name." }) name!: string;
  @Field(() => RegionLevel, { description: "Administrative level." }) level!: RegionLevel;
  @Field(() => String, { nullable: true, description: "Code of the parent region." }) parentCode!: string | null;
  @Field(() => String, { nullable: true, description: "Name of the parent region." }) parentName!: string | null;
  @Field(() => Int, { description: "Estimated workers." }) workforce!: number;
  @Field(() => Int, { nullable: true, description: "Workers enrolled in JKK/JKM at the end of the period; null when suppressed." })
  enrolled!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "enrolled / workforce, 0 to 1 (above 1 is reported, not clipped); null when workforce is 0 or suppressed.",
  })
  coverageRate!: number | null;
  @Field(() => Int, { nullable: true, description: "Workers not enrolled (at least 0); null when suppressed." }) uncovered!: number | null;
  @Field(() => Float, { nullable: true, description: "Area in square kilometres (from the boundary)." }) areaKm2!: number | null;
  @Field(() => Float, { nullable: true, description: "Uncovered workers per square kilometre." }) uncoveredPerKm2!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "Workers still to enrol to reach the target rate (0 when reached); null when suppressed.",
  })
  gapToTarget!: number | null;
  @Field(() => Int, { description: "Rank within the parent region by the orderBy metric and direction (1 = first)." }) rank!: number;
  @Field(() => Reliability, { description: "How far the rate can be trusted." }) reliability!: Reliability;
  @Field(() => Boolean, { description: "More enrolled than the estimated workforce (rate above 1): check the workforce estimate." })
  overEnrolled!: boolean;
  @Field(() => Boolean, {
    description:
      "Withheld by disclosure control (fewer enrolled than datasetInfo.minCellSize, or it would give such a count back): the count and what derives from it are null.",
  })
  suppressed!: boolean;
  /** Resolved in one batch per page (DataLoader). */
  period!: string;
  sectorFilter!: Sector | null;
  minWorkforce!: number;
}

@ObjectType({ description: "One edge of a coverage page." })
export class CoverageEdge {
  @Field(() => String, { description: "Opaque cursor: pass as `after` to get the rows after this one." }) cursor!: string;
  @Field(() => CoverageNode, { description: "The region's coverage." }) node!: CoverageNode;
}

@ObjectType({ description: "Relay page information." })
export class PageInfo {
  @Field(() => Boolean, { description: "More rows follow." }) hasNextPage!: boolean;
  @Field(() => Boolean, { description: "Rows come before this page." }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: "Cursor of the first row." }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: "Cursor of the last row." }) endCursor!: string | null;
}

@ObjectType({ description: "Totals over every region in scope (before metric filters): the parent region's figures." })
export class CoverageTotals {
  @Field(() => String, { nullable: true, description: "The parent region's code (null: every region at the level)." }) code!: string | null;
  @Field(() => Int, { description: "Estimated workers." }) workforce!: number;
  @Field(() => Int, { nullable: true, description: "Workers enrolled; null when suppressed." }) enrolled!: number | null;
  @Field(() => Float, { nullable: true, description: "enrolled / workforce." }) coverageRate!: number | null;
  @Field(() => Int, { nullable: true, description: "Workers not enrolled; null when suppressed." }) uncovered!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "Workers still to enrol to reach the target rate, summed over regions; null when a region in scope is suppressed.",
  })
  gapToTarget!: number | null;
  @Field(() => Boolean, {
    description:
      "Withheld by disclosure control (fewer enrolled than datasetInfo.minCellSize, or it would give such a count back): the count and what derives from it are null.",
  })
  suppressed!: boolean;
}

@ObjectType({ description: "A page of regions with their coverage." })
export class CoverageConnection {
  @Field(() => Int, { description: "Regions matching the filters (all pages)." }) totalCount!: number;
  @Field(() => PageInfo, { description: "Paging." }) pageInfo!: PageInfo;
  @Field(() => [CoverageEdge], { description: "This page's rows." }) edges!: CoverageEdge[];
  @Field(() => CoverageTotals, { description: "Totals for the parent region (or the whole level)." }) total!: CoverageTotals;
  @Field(() => String, { description: "The period (YYYY-MM) the figures are for." }) period!: string;
}

@ObjectType({ description: "Coverage at the end of one month." })
export class SeriesPoint {
  @Field(() => String, { description: "Month, YYYY-MM." }) period!: string;
  @Field(() => Int, { description: "Estimated workers." }) workforce!: number;
  @Field(() => Int, { nullable: true, description: "Workers enrolled at the end of the month; null when suppressed." }) enrolled!:
    number | null;
  @Field(() => Float, { nullable: true, description: "enrolled / workforce." }) coverageRate!: number | null;
  @Field(() => Boolean, {
    description:
      "Withheld by disclosure control (fewer enrolled than datasetInfo.minCellSize, or it would give such a count back): the count and what derives from it are null.",
  })
  suppressed!: boolean;
}

@ObjectType({ description: "Headline figures for a region." })
export class CoverageSummary {
  @Field(() => RegionRef, { description: "The region." }) region!: RegionRef;
  @Field(() => String, { description: "Latest period, YYYY-MM." }) period!: string;
  @Field(() => Int, { description: "Estimated workers, all sectors." }) workforce!: number;
  @Field(() => Int, { nullable: true, description: "Workers enrolled, all sectors; null when suppressed." }) enrolled!: number | null;
  @Field(() => Float, { nullable: true, description: "enrolled / workforce." }) coverageRate!: number | null;
  @Field(() => Int, { nullable: true, description: "Workers not enrolled; null when suppressed." }) uncovered!: number | null;
  @Field(() => Boolean, {
    description:
      "Withheld by disclosure control (fewer enrolled than datasetInfo.minCellSize, or it would give such a count back): the count and what derives from it are null.",
  })
  suppressed!: boolean;

  @Field(() => [SectorCoverage], { description: "The same figures by sector." }) bySector!: SectorCoverage[];
  @Field(() => Int, {
    nullable: true,
    description: "Change in enrolled over the last 12 months (null when there is no month 12 months back).",
  })
  enrolledChange12m!: number | null;
  @Field(() => Float, { nullable: true, description: "Change in coverage rate over the last 12 months, in rate points (0.05 = 5 points)." })
  coverageRateChange12m!: number | null;
}
