import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { FertilizerPointKind, Sector, SessionStatus } from "../../domain/vocabulary.ts";

@ObjectType({ description: "A planting-season distribution window at a fertilizer point." })
export class DistributionWindow {
  @Field(() => String, { description: "Planting season, e.g. MT I 2025/2026." }) season!: string;
  @Field(() => String, { description: "First day (YYYY-MM-DD)." }) startsOn!: string;
  @Field(() => String, { description: "Last day (YYYY-MM-DD)." }) endsOn!: string;
}

@ObjectType({ description: "A subsidized-fertilizer distribution point: district warehouse or village kiosk." })
export class FertilizerPoint {
  @Field(() => Int, { description: "Identifier." }) id!: number;
  @Field(() => String, { description: "Code." }) code!: string;
  @Field(() => String, { description: "Name." }) name!: string;
  @Field(() => FertilizerPointKind, { description: "Warehouse or kiosk." }) kind!: FertilizerPointKind;
  @Field(() => String, { description: "Code of the village it stands in." }) villageCode!: string;
  @Field(() => Float, { description: "Longitude." }) lon!: number;
  @Field(() => Float, { description: "Latitude." }) lat!: number;
  @Field(() => [DistributionWindow], { description: "Distribution schedule." }) schedule!: DistributionWindow[];
}

@ObjectType({ description: "A fertilizer point and its distance from a village." })
export class FertilizerPointDistance {
  @Field(() => FertilizerPoint, { description: "The point." }) point!: FertilizerPoint;
  @Field(() => Float, { description: "Distance in metres from the village's inner point (geography)." }) distanceMeters!: number;
}

@ObjectType({ description: "A socialization (outreach) session." })
export class OutreachSession {
  @Field(() => Int, { description: "Identifier." }) id!: number;
  @Field(() => String, { description: "Title." }) title!: string;
  @Field(() => SessionStatus, { description: "Planned, held or cancelled." }) status!: SessionStatus;
  @Field(() => String, { description: "First day (YYYY-MM-DD)." }) startsOn!: string;
  @Field(() => String, { description: "Last day (YYYY-MM-DD)." }) endsOn!: string;
  @Field(() => String, { description: "Village where it is held." }) villageCode!: string;
  @Field(() => String, { description: "That village's name." }) villageName!: string;
  @Field(() => Int, { nullable: true, description: "Fertilizer point it is held at, if any." }) pointId!: number | null;
  @Field(() => [Sector], { description: "Sectors it targets." }) targetSectors!: Sector[];
  @Field(() => Int, { nullable: true, description: "People who attended (once held); null before, or suppressed (disclosure control)." })
  attendance!: number | null;
  @Field(() => Int, { nullable: true, description: "Enrollments attributed to the session; null: suppressed (disclosure control)." })
  enrollmentsAttributed!: number | null;
  @Field(() => Boolean, { description: "Some of its recorded counts are suppressed (disclosure control): null, never 0." })
  suppressed!: boolean;
  @Field(() => String, { nullable: true, description: "Notes." }) notes!: string | null;
}

@InputType({ description: "A new outreach session." })
export class SessionInput {
  @Field(() => String, { description: "Title." }) title!: string;
  @Field(() => String, { description: "First day (YYYY-MM-DD)." }) startsOn!: string;
  @Field(() => String, { nullable: true, description: "Last day (YYYY-MM-DD); default the first day." }) endsOn?: string;
  @Field(() => String, { description: "Village code where it is held." }) villageCode!: string;
  @Field(() => Int, { nullable: true, description: "Fertilizer point it is held at." }) pointId?: number;
  @Field(() => [Sector], { defaultValue: [Sector.FARMER], description: "Sectors it targets." }) targetSectors!: Sector[];
  @Field(() => String, { nullable: true, description: "Notes." }) notes?: string;
}

@InputType({ description: "Changes to an outreach session; omitted fields stay as they are." })
export class SessionPatch {
  @Field(() => String, { nullable: true, description: "Title." }) title?: string;
  @Field(() => String, { nullable: true, description: "First day (YYYY-MM-DD)." }) startsOn?: string;
  @Field(() => String, { nullable: true, description: "Last day (YYYY-MM-DD)." }) endsOn?: string;
  @Field(() => String, { nullable: true, description: "Notes." }) notes?: string;
}
