import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { DEFAULT_MONTHLY_PREMIUM, DEFAULT_MONTHS, PLAN_BOUNDS } from "../../domain/bounds.ts";
import { InRange, NotEmpty } from "../common/validation.ts";
import { AllocationRule, CandidateSites, RateSource, Sector, RegionLevel, SiteKind, StopReason } from "../../domain/vocabulary.ts";

@InputType({ description: "What to plan: sectors, sessions, distance, candidate sites, dates, enrollment rate and budget." })
export class PlanInput {
  @Field(() => [Sector], { defaultValue: [Sector.FARMER], description: "Sectors whose uncovered workers count (farmers by default)." })
  @NotEmpty("input.sectors", "sector")
  sectors!: Sector[];
  @Field(() => Int, { defaultValue: 5, description: "Number of sessions to hold (1 to 50)." })
  @InRange(PLAN_BOUNDS.sessions, "input.sessions")
  sessions!: number;
  @Field(() => Float, {
    defaultValue: 5,
    description: "The longest distance, in km, a worker will travel to a session (from the village's inner point; 0.1 to 50).",
  })
  @InRange(PLAN_BOUNDS.maxDistanceKm, "input.maxDistanceKm")
  maxDistanceKm!: number;
  @Field(() => CandidateSites, { defaultValue: CandidateSites.FERTILIZER_POINTS, description: "Candidate sites." })
  candidates!: CandidateSites;
  @Field(() => String, {
    nullable: true,
    description: "First day of the window (YYYY-MM-DD): only points with distribution in the window are candidates.",
  })
  from?: string | null;
  @Field(() => String, { nullable: true, description: "Last day of the window (YYYY-MM-DD)." })
  to?: string | null;
  @Field(() => Float, {
    nullable: true,
    description: "Expected share of reached uncovered workers who enrol (0 to 1); default from past sessions, else 0.25.",
  })
  @InRange(PLAN_BOUNDS.enrollmentRate, "input.enrollmentRate", { optional: true })
  enrollmentRate?: number | null;
  @Field(() => Float, { nullable: true, description: "Premium budget in rupiah (e.g. the DBHCHT allocation); no limit when omitted." })
  @InRange(PLAN_BOUNDS.budget, "input.budget", { optional: true })
  budget?: number | null;
  @Field(() => Int, {
    defaultValue: DEFAULT_MONTHLY_PREMIUM,
    description: "Monthly premium per worker in rupiah (default 16,800: JKK 10,000 + JKM 6,800).",
  })
  @InRange(PLAN_BOUNDS.monthlyPremium, "input.monthlyPremium")
  monthlyPremium!: number;
  @Field(() => Int, { defaultValue: DEFAULT_MONTHS, description: "Months of premium to fund per new worker (1 to 60)." })
  @InRange(PLAN_BOUNDS.months, "input.months")
  months!: number;
  @Field(() => String, { nullable: true, description: "Plan within this region (default: everything loaded)." })
  regionCode?: string | null;
  @Field(() => String, { nullable: true, description: "Month of the coverage figures (YYYY-MM); default the latest." })
  period?: string | null;
}

@ObjectType({ description: "The inputs a plan was computed with, defaults filled in." })
export class PlanParameters {
  @Field(() => [Sector], { description: "Sectors." }) sectors!: Sector[];
  @Field(() => Int, { description: "Sessions asked for." }) sessions!: number;
  @Field(() => Float, { description: "Longest travel distance (km)." }) maxDistanceKm!: number;
  @Field(() => CandidateSites, { description: "Candidate sites." }) candidates!: CandidateSites;
  @Field(() => String, { nullable: true, description: "Window start." }) from!: string | null;
  @Field(() => String, { nullable: true, description: "Window end." }) to!: string | null;
  @Field(() => Float, { description: "Expected enrollment rate used." }) enrollmentRate!: number;
  @Field(() => RateSource, { description: "Where that rate came from." }) enrollmentRateSource!: RateSource;
  @Field(() => Float, { nullable: true, description: "Budget (rupiah); null for none." }) budget!: number | null;
  @Field(() => Int, { description: "Monthly premium per worker (rupiah)." }) monthlyPremium!: number;
  @Field(() => Int, { description: "Months funded." }) months!: number;
  @Field(() => String, { nullable: true, description: "Region planned in." }) regionCode!: string | null;
  @Field(() => String, { description: "Month of the coverage figures." }) period!: string;
}

@ObjectType({ description: "A village in a plan: reached by a site, or left out." })
export class PlanVillage {
  @Field(() => String, { description: "Village code." }) code!: string;
  @Field(() => String, { description: "Village name." }) name!: string;
  @Field(() => String, { description: "District code." }) districtCode!: string;
  @Field(() => String, { description: "District name." }) districtName!: string;
  @Field(() => Int, {
    nullable: true,
    description:
      "Uncovered workers in the plan's sectors; null when suppressed (some of its sector counts are under the minimum cell size).",
  })
  uncovered!: number | null;
  @Field(() => Boolean, {
    description:
      "Some of its sector counts are suppressed (disclosure control): its figure is withheld and the suppressed cells count nowhere in the plan.",
  })
  suppressed!: boolean;
  @Field(() => Float, { nullable: true, description: "Distance from the site, in metres (geography); null for villages left out." })
  distanceMeters!: number | null;
  @Field(() => Float, { description: "Expected new enrollments (0 for villages left out)." }) expectedEnrollments!: number;
}

@ObjectType({ description: "A chosen site, in the order the planner chose it, with running totals." })
export class PlanSite {
  @Field(() => Int, { description: "1 for the first site chosen." }) order!: number;
  @Field(() => SiteKind, { description: "Warehouse, kiosk or village hall." }) kind!: SiteKind;
  @Field(() => Int, { nullable: true, description: "Fertilizer point id (null for a village site)." }) pointId!: number | null;
  @Field(() => String, { description: "Site code (fertilizer point or village code)." }) code!: string;
  @Field(() => String, { description: "Site name." }) name!: string;
  @Field(() => String, { description: "Village it stands in." }) villageCode!: string;
  @Field(() => String, { description: "That village's name." }) villageName!: string;
  @Field(() => String, { description: "Its district's name." }) districtName!: string;
  @Field(() => Float, { description: "Longitude." }) lon!: number;
  @Field(() => Float, { description: "Latitude." }) lat!: number;
  @Field(() => String, {
    nullable: true,
    description: "Session date (YYYY-MM-DD): the first distribution day in the window; null without a window.",
  })
  date!: string | null;
  @Field(() => [PlanVillage], { description: "Villages this site reaches first (not reached by an earlier site), nearest first." })
  villages!: PlanVillage[];
  @Field(() => Int, { description: "Uncovered workers reached by this site and no earlier one." }) uncoveredReached!: number;
  @Field(() => Int, { description: "Expected new enrollments, within the budget." }) expectedEnrollments!: number;
  @Field(() => Float, { description: "Premium cost of those enrollments (rupiah)." }) premiumCost!: number;
  @Field(() => Boolean, { description: "True when the budget ran out at this site: fewer enrollments funded than expected." })
  budgetLimited!: boolean;
  @Field(() => Int, { description: "Uncovered workers reached so far." }) cumulativeUncoveredReached!: number;
  @Field(() => Int, { description: "Expected enrollments so far." }) cumulativeExpectedEnrollments!: number;
  @Field(() => Float, { description: "Premium cost so far (rupiah)." }) cumulativeCost!: number;
  @Field(() => Float, { nullable: true, description: "Budget left after this site (rupiah); null without a budget." }) budgetRemaining!:
    number | null;
}

@ObjectType({ description: "Coverage of a region before the plan and if it works." })
export class CoverageProjection {
  @Field(() => String, { description: "Region code." }) code!: string;
  @Field(() => String, { description: "Region name." }) name!: string;
  @Field(() => RegionLevel, { description: "REGENCY or DISTRICT (or the plan region's level)." }) level!: RegionLevel;
  @Field(() => Int, { description: "Workforce in the plan's sectors." }) workforce!: number;
  @Field(() => Int, { description: "Enrolled now." }) enrolledBefore!: number;
  @Field(() => Int, { description: "Expected new enrollments." }) expectedNew!: number;
  @Field(() => Float, { nullable: true, description: "Coverage rate now." }) rateBefore!: number | null;
  @Field(() => Float, { nullable: true, description: "Coverage rate if the plan works." }) rateAfter!: number | null;
}

@ObjectType({ description: "Totals of a plan." })
export class PlanTotals {
  @Field(() => Int, { description: "Uncovered workers reached (each counted once)." }) uncoveredReached!: number;
  @Field(() => Int, { description: "Expected new enrollments." }) expectedEnrollments!: number;
  @Field(() => Float, { description: "Premium cost (rupiah)." }) premiumCost!: number;
  @Field(() => Float, { nullable: true, description: "Budget left (rupiah); null without a budget." }) budgetRemaining!: number | null;
  @Field(() => Int, { description: "Uncovered workers in the plan's region and sectors." }) uncoveredInRegion!: number;
}

@ObjectType({ description: "An outreach plan: where and when to hold sessions to reach the most uncovered workers within the budget." })
export class OutreachPlanResult {
  @Field(() => PlanParameters, { description: "The inputs, defaults filled in." }) parameters!: PlanParameters;
  @Field(() => Int, { description: "Candidate sites considered." }) candidateCount!: number;
  @Field(() => [PlanSite], { description: "Chosen sites in order." }) sites!: PlanSite[];
  @Field(() => PlanTotals, { description: "Totals." }) totals!: PlanTotals;
  @Field(() => StopReason, { description: "Why no further site was added." }) stopReason!: StopReason;
  @Field(() => [CoverageProjection], { description: "The plan region, then each district in it: coverage now and if the plan works." })
  coverageAfter!: CoverageProjection[];
  @Field(() => [PlanVillage], { description: "Villages with uncovered workers that no chosen site reaches, most uncovered first." })
  villagesLeftOut!: PlanVillage[];
  @Field(() => String, { description: "How the sites were chosen." }) method!: string;
}

@ObjectType({ description: "A saved outreach plan." })
export class SavedPlan {
  @Field(() => Int, { description: "Identifier." }) id!: number;
  @Field(() => String, { description: "Name." }) name!: string;
  @Field(() => String, { description: "When it was saved (ISO 8601)." }) createdAt!: string;
  @Field(() => Int, { description: "Outreach sessions created from it." }) sessionCount!: number;
  @Field(() => OutreachPlanResult, { description: "The plan as computed when saved." }) plan!: OutreachPlanResult;
}

@InputType({ description: "A premium budget to allocate to uncovered workers." })
export class BudgetInput {
  @Field(() => Float, { description: "Budget in rupiah." })
  @InRange(PLAN_BOUNDS.budget, "input.budget")
  budget!: number;
  @Field(() => AllocationRule, { defaultValue: AllocationRule.LARGEST_UNCOVERED, description: "Which villages first." })
  rule!: AllocationRule;
  @Field(() => [Sector], { defaultValue: [Sector.FARMER, Sector.LIVESTOCK, Sector.FISHER], description: "Sectors to fund." })
  @NotEmpty("input.sectors", "sector")
  sectors!: Sector[];
  @Field(() => Int, { defaultValue: DEFAULT_MONTHLY_PREMIUM, description: "Monthly premium per worker (rupiah)." })
  @InRange(PLAN_BOUNDS.monthlyPremium, "input.monthlyPremium")
  monthlyPremium!: number;
  @Field(() => Int, { defaultValue: DEFAULT_MONTHS, description: "Months to fund." })
  @InRange(PLAN_BOUNDS.months, "input.months")
  months!: number;
  @Field(() => String, { nullable: true, description: "Only this region (default everything loaded)." }) regionCode?: string | null;
  @Field(() => String, { nullable: true, description: "Month of the coverage figures (YYYY-MM); default the latest." }) period?:
    string | null;
}

@ObjectType({ description: "Workers funded in one village and sector." })
export class BudgetAllocation {
  @Field(() => Int, { description: "1 for the first funded." }) order!: number;
  @Field(() => String, { description: "Village code." }) villageCode!: string;
  @Field(() => String, { description: "Village name." }) villageName!: string;
  @Field(() => String, { description: "District code." }) districtCode!: string;
  @Field(() => String, { description: "District name." }) districtName!: string;
  @Field(() => Sector, { description: "Sector." }) sector!: Sector;
  @Field(() => Int, { description: "Uncovered workers there." }) uncovered!: number;
  @Field(() => Int, { description: "Workers funded." }) funded!: number;
  @Field(() => Float, { nullable: true, description: "Coverage rate now." }) rateBefore!: number | null;
  @Field(() => Float, { nullable: true, description: "Coverage rate once funded." }) rateAfter!: number | null;
}

@ObjectType({ description: "Coverage of one sector before and after funding." })
export class SectorProjection {
  @Field(() => Sector, { description: "Sector." }) sector!: Sector;
  @Field(() => Int, { description: "Workforce." }) workforce!: number;
  @Field(() => Int, { description: "Enrolled now." }) enrolledBefore!: number;
  @Field(() => Int, { description: "Enrolled once funded." }) enrolledAfter!: number;
  @Field(() => Float, { nullable: true, description: "Coverage rate now." }) rateBefore!: number | null;
  @Field(() => Float, { nullable: true, description: "Coverage rate once funded." }) rateAfter!: number | null;
}

@ObjectType({ description: "What a premium budget buys: how many more workers, where first, and the coverage that results." })
export class BudgetView {
  @Field(() => AllocationRule, { description: "Rule used." }) rule!: AllocationRule;
  @Field(() => Float, { description: "Premium per worker for the funded months (rupiah)." }) costPerWorker!: number;
  @Field(() => Int, { description: "Workers the budget could fund." }) fundableWorkers!: number;
  @Field(() => Int, { description: "Workers funded (no more than are uncovered)." }) funded!: number;
  @Field(() => Float, { description: "Budget used (rupiah)." }) budgetUsed!: number;
  @Field(() => Float, { description: "Budget left (rupiah)." }) budgetRemaining!: number;
  @Field(() => [BudgetAllocation], { description: "Funded villages and sectors in the order the rule funds them." })
  allocations!: BudgetAllocation[];
  @Field(() => [SectorProjection], { description: "Coverage by sector before and after." }) coverageBySector!: SectorProjection[];
}
