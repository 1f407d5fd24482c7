import { ArgsType, Field, Float, Int, ObjectType } from "type-graphql";
import { InRange } from "../common/validation.ts";

@ArgsType()
export class OutcomesArgs {
  @Field(() => String, { nullable: true, description: "Only sessions in this region (default everything loaded)." }) regionCode?: string;
  @Field(() => String, { nullable: true, description: "Sessions ending on or after this day (YYYY-MM-DD)." }) from?: string;
  @Field(() => String, { nullable: true, description: "Sessions starting on or before this day (YYYY-MM-DD)." }) to?: string;
  @Field(() => Float, { defaultValue: 5, description: "Without a plan, a session reaches villages within this many km (0.1 to 50)." })
  @InRange([0.1, 50], "reachKm")
  reachKm!: number;
  @Field(() => Int, { defaultValue: 60, description: "Days after the session's last day counted as after (1 to 365)." })
  @InRange([1, 365], "afterDays")
  afterDays!: number;
  @Field(() => Int, { defaultValue: 180, description: "Days before the session's first day counted as before (1 to 730)." })
  @InRange([1, 730], "beforeDays")
  beforeDays!: number;
}

@ObjectType({ description: "The enrollments that followed a session: a difference-in-differences estimate and the counts behind it." })
export class FollowedEnrollments {
  @Field(() => Int, { description: "Villages the session reached." }) reachedVillages!: number;
  @Field(() => Int, { description: "Workers of the target sectors in them." }) reachedWorkforce!: number;
  @Field(() => Int, { nullable: true, description: "New enrollments there in the days before; null: suppressed (disclosure control)." })
  reachedBefore!: number | null;
  @Field(() => Int, { nullable: true, description: "New enrollments there in the days after; null: suppressed (disclosure control)." })
  reachedAfter!: number | null;
  @Field(() => Int, { description: "Comparison villages (same regency, reached by no session in the windows)." })
  comparisonVillages!: number;
  @Field(() => Int, { description: "Workers of the target sectors in them." }) comparisonWorkforce!: number;
  @Field(() => Int, { nullable: true, description: "New enrollments there in the days before; null: suppressed (disclosure control)." })
  comparisonBefore!: number | null;
  @Field(() => Int, { nullable: true, description: "New enrollments there in the days after; null: suppressed (disclosure control)." })
  comparisonAfter!: number | null;
  @Field(() => Int, { description: "Days before." }) beforeDays!: number;
  @Field(() => Int, { description: "Days after observed (from the first day; fewer than asked when the data ends sooner)." })
  afterDays!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      "Estimated extra enrollments in the reached villages (may be negative); null without workforce or days after, or when a count behind it is suppressed.",
  })
  estimate!: number | null;
  @Field(() => Boolean, { description: "Some of these counts are suppressed (disclosure control): null, never 0." }) suppressed!: boolean;
}

@ObjectType({ description: "What one held session achieved." })
export class SessionOutcome {
  @Field(() => Int, { description: "Session id." }) sessionId!: number;
  @Field(() => String, { description: "Title." }) title!: string;
  @Field(() => String, { description: "First day." }) startsOn!: string;
  @Field(() => String, { description: "Last day." }) endsOn!: string;
  @Field(() => String, { description: "Village held in." }) villageCode!: string;
  @Field(() => String, { description: "Its name." }) villageName!: string;
  @Field(() => String, { description: "District code." }) districtCode!: string;
  @Field(() => String, { description: "District name." }) districtName!: string;
  @Field(() => Int, { nullable: true, description: "The plan it came from." }) planId!: number | null;
  @Field(() => String, { nullable: true, description: "That plan's name." }) planName!: string | null;
  @Field(() => Int, { nullable: true, description: "Attendance recorded; null: suppressed (disclosure control)." }) attendance!:
    number | null;
  @Field(() => Int, { nullable: true, description: "Enrollments attributed (recorded); null: suppressed (disclosure control)." })
  enrollmentsAttributed!: number | null;
  @Field(() => Int, { nullable: true, description: "Enrollments the plan forecast for its site (null without a plan)." })
  forecastEnrollments!: number | null;
  @Field(() => Int, { nullable: true, description: "Uncovered workers the plan expected the site to reach." }) forecastReached!:
    number | null;
  @Field(() => Int, { nullable: true, description: "enrollmentsAttributed - forecastEnrollments." }) differenceFromForecast!: number | null;
  @Field(() => FollowedEnrollments, { description: "Enrollments that followed in the villages reached (estimate)." })
  followed!: FollowedEnrollments;
  @Field(() => Boolean, {
    description: "Some of its counts are suppressed (disclosure control): null, never 0, and left out of every total.",
  })
  suppressed!: boolean;
}

@ObjectType({ description: "Held sessions added up (per plan, per district, or all)." })
export class OutcomeTotals {
  @Field(() => Int, { description: "Sessions held." }) sessionsHeld!: number;
  @Field(() => Int, { description: "Attendance recorded (published figures only)." }) attendance!: number;
  @Field(() => Int, { description: "Enrollments attributed (recorded; published figures only)." }) enrollmentsAttributed!: number;
  @Field(() => Int, { description: "Forecast enrollments of the held sessions that came from a plan." }) forecastEnrollments!: number;
  @Field(() => Int, { description: "Enrollments attributed at those sessions (to compare with the forecast)." })
  attributedWhereForecast!: number;
  @Field(() => Float, { nullable: true, description: "Sum of the sessions' estimates (null when none has one)." }) estimate!: number | null;
  @Field(() => Int, {
    description: "Sessions with a suppressed count (disclosure control): their suppressed figures are left out of these sums.",
  })
  suppressedSessions!: number;
}

@ObjectType({ description: "What a plan's sessions achieved." })
export class PlanOutcome extends OutcomeTotals {
  @Field(() => Int, { description: "Plan id." }) planId!: number;
  @Field(() => String, { description: "Plan name." }) planName!: string;
  @Field(() => Int, { description: "Sessions made from the plan (any state)." }) sessions!: number;
  @Field(() => Int, { nullable: true, description: "The plan's forecast for all its sites." }) planForecast!: number | null;
}

@ObjectType({ description: "What the sessions held in a district achieved." })
export class DistrictOutcome extends OutcomeTotals {
  @Field(() => String, { description: "District code." }) code!: string;
  @Field(() => String, { description: "District name." }) name!: string;
}

@ObjectType({ description: "What held outreach sessions achieved: recorded, against the forecast, and estimated from what followed." })
export class OutcomesReport {
  @Field(() => [SessionOutcome], { description: "Each held session, oldest first." }) sessions!: SessionOutcome[];
  @Field(() => [PlanOutcome], { description: "Per plan with sessions." }) plans!: PlanOutcome[];
  @Field(() => [DistrictOutcome], { description: "Per district with held sessions." }) districts!: DistrictOutcome[];
  @Field(() => OutcomeTotals, { description: "All held sessions." }) total!: OutcomeTotals;
  @Field(() => String, { description: "How the estimate is made, and its limits." }) method!: string;
}
