import { Field, Float, Int, ObjectType } from "type-graphql";
import { RegionLevel, Sector } from "../../domain/vocabulary.ts";

@ObjectType({ description: "Lapses and renewals at the end of a month (see README, Outcomes and renewals)." })
export class RenewalFigures {
  @Field(() => Int, {
    nullable: true,
    description: "Workers enrolled at the end of the month (the coverage summary's enrolled); null: suppressed.",
  })
  active!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "Active workers whose term ends in the next month (end date, else the next 12-month term end).",
  })
  endingIn1Month!: number | null;
  @Field(() => Int, { nullable: true, description: "Active workers whose term ends in the next 2 months (including the next month)." })
  endingIn2Months!: number | null;
  @Field(() => Int, { nullable: true, description: "Active workers whose term ends in the next 3 months (including the next 2)." })
  endingIn3Months!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "Workers whose coverage ended in the 12 months up to the month and was not renewed; null: suppressed.",
  })
  lapsed!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: "Workers whose 12-month term ended in those 12 months and who stayed covered (renewed); null: suppressed.",
  })
  renewed!: number | null;
  @Field(() => Float, { nullable: true, description: "renewed / (renewed + lapsed); null when neither happened or either is suppressed." })
  renewalRate!: number | null;
  @Field(() => Boolean, { description: "Some of these counts are suppressed (disclosure control): null, never 0." }) suppressed!: boolean;
}

@ObjectType({ description: "Lapses and renewals of one sector." })
export class SectorRenewals extends RenewalFigures {
  @Field(() => Sector, { description: "The sector." }) sector!: Sector;
}

@ObjectType({ description: "Lapses and renewals in a region (all sectors together unless a sector was asked for)." })
export class RegionRenewals extends RenewalFigures {
  @Field(() => String, { description: "Kemendagri code." }) code!: string;
  @Field(() => String, { description: "Region name." }) name!: string;
  @Field(() => RegionLevel, { description: "Administrative level." }) level!: RegionLevel;
  @Field(() => String, { nullable: true, description: "Code of the parent region." }) parentCode!: string | null;
  @Field(() => String, { description: "The month (YYYY-MM) the figures are at the end of." }) period!: string;
  @Field(() => [SectorRenewals], { description: "The same figures per sector." }) bySector!: SectorRenewals[];
}

@ObjectType({ description: "Renewals and lapses in one month." })
export class RenewalSeriesPoint {
  @Field(() => String, { description: "Month, YYYY-MM." }) period!: string;
  @Field(() => Int, { nullable: true, description: "Workers enrolled at the end of the month; null: suppressed." }) active!: number | null;
  @Field(() => Int, { nullable: true, description: "Terms that ended in the month and were renewed; null: suppressed." }) renewed!:
    number | null;
  @Field(() => Int, { nullable: true, description: "Coverage that ended in the month (lapsed); null: suppressed." }) lapsed!: number | null;
  @Field(() => Float, { nullable: true, description: "renewed / (renewed + lapsed); null when neither happened or either is suppressed." })
  renewalRate!: number | null;
  @Field(() => Boolean, { description: "Some of these counts are suppressed (disclosure control)." }) suppressed!: boolean;
}
