import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { ValidateNested } from "class-validator";
import { DEFAULT_MONTHLY_PREMIUM, DEFAULT_MONTHS, PLAN_BOUNDS } from "../../domain/bounds.ts";
import { InRange, NotEmpty } from "../common/validation.ts";
import { AllocationRule, FundingSource, Sector } from "../../domain/vocabulary.ts";
import { SectorProjection } from "../planner/planner.types.ts";

@InputType({ description: "Extra money from one source for new coverage next year." })
export class FundingAmountInput {
  @Field(() => FundingSource, { description: "Who pays." }) source!: FundingSource;
  @Field(() => Float, { description: "Rupiah for the year." })
  @InRange(PLAN_BOUNDS.budget, "input.funding.amount")
  amount!: number;
}

@InputType({ description: "A funding scenario for next year: premium, months, extra money by source, and where new coverage goes first." })
export class ScenarioInput {
  @Field(() => Int, {
    defaultValue: DEFAULT_MONTHLY_PREMIUM,
    description: "Monthly premium per worker in rupiah (default 16,800: JKK 10,000 + JKM 6,800 for non-wage workers).",
  })
  @InRange(PLAN_BOUNDS.monthlyPremium, "input.monthlyPremium")
  monthlyPremium!: number;
  @Field(() => Int, { defaultValue: DEFAULT_MONTHS, description: "Months of premium per worker (12: next year)." })
  @InRange(PLAN_BOUNDS.months, "input.months")
  months!: number;
  @Field(() => [FundingAmountInput], {
    defaultValue: [],
    description: "Extra money for new coverage, by source; spent in the order given (the first source's money first).",
  })
  @ValidateNested({ each: true })
  funding!: FundingAmountInput[];
  @Field(() => AllocationRule, {
    defaultValue: AllocationRule.LARGEST_UNCOVERED,
    description: "Which villages the new coverage goes to first.",
  })
  rule!: AllocationRule;
  @Field(() => [Sector], { defaultValue: [Sector.FARMER, Sector.LIVESTOCK, Sector.FISHER], description: "Sectors renewed and funded." })
  @NotEmpty("input.sectors", "sector")
  sectors!: Sector[];
  @Field(() => String, { nullable: true, description: "Only this region (default everything loaded)." }) regionCode?: string | null;
  @Field(() => String, { nullable: true, description: "Month whose active workers are renewed (YYYY-MM); default the latest." })
  period?: string | null;
}

@ObjectType({ description: "An amount from one source." })
export class FundingAmount {
  @Field(() => FundingSource, { description: "Who pays." }) source!: FundingSource;
  @Field(() => Float, { description: "Rupiah." }) amount!: number;
}

@ObjectType({ description: "The inputs a scenario was computed with, defaults filled in." })
export class ScenarioParameters {
  @Field(() => Int, { description: "Monthly premium per worker (rupiah)." }) monthlyPremium!: number;
  @Field(() => Int, { description: "Months funded." }) months!: number;
  @Field(() => [FundingAmount], { description: "Extra money by source, in the order spent." }) funding!: FundingAmount[];
  @Field(() => AllocationRule, { description: "Where new coverage goes first." }) rule!: AllocationRule;
  @Field(() => [Sector], { description: "Sectors." }) sectors!: Sector[];
  @Field(() => String, { nullable: true, description: "Region (null: everything loaded)." }) regionCode!: string | null;
  @Field(() => String, { description: "Month whose active workers are renewed." }) period!: string;
}

@ObjectType({ description: "Renewing the active workers one source pays for today." })
export class RenewalCostBySource {
  @Field(() => FundingSource, { description: "Who pays today." }) source!: FundingSource;
  @Field(() => Int, { nullable: true, description: "Active workers; null: suppressed (disclosure control)." }) active!: number | null;
  @Field(() => Float, { nullable: true, description: "Premium for the months funded (rupiah); null with active." }) cost!: number | null;
  @Field(() => Boolean, { description: "The count is suppressed (disclosure control)." }) suppressed!: boolean;
}

@ObjectType({ description: "Renewing the active workers of one sector." })
export class RenewalCostBySector {
  @Field(() => Sector, { description: "Sector." }) sector!: Sector;
  @Field(() => Int, { nullable: true, description: "Active workers; null: suppressed (disclosure control)." }) active!: number | null;
  @Field(() => Float, { nullable: true, description: "Premium for the months funded (rupiah); null with active." }) cost!: number | null;
  @Field(() => Boolean, { description: "The count is suppressed (disclosure control)." }) suppressed!: boolean;
}

@ObjectType({ description: "Next year's premium for every worker active now." })
export class RenewalCost {
  @Field(() => Int, { nullable: true, description: "Active workers at the end of the period; null: suppressed (disclosure control)." })
  active!: number | null;
  @Field(() => Float, { nullable: true, description: "active x monthly premium x months (rupiah); null with active." }) cost!:
    number | null;
  @Field(() => Boolean, { description: "The count is suppressed (a sector in it is: disclosure control)." }) suppressed!: boolean;
  @Field(() => [RenewalCostBySource], { description: "By who pays today." }) bySource!: RenewalCostBySource[];
  @Field(() => [RenewalCostBySector], { description: "By sector." }) bySector!: RenewalCostBySector[];
}

@ObjectType({ description: "What one source's extra money buys." })
export class NewCoverageBySource {
  @Field(() => FundingSource, { description: "Who pays." }) source!: FundingSource;
  @Field(() => Float, { description: "Money given (rupiah)." }) amount!: number;
  @Field(() => Int, { description: "New workers it funds (no more than remain uncovered)." }) workers!: number;
  @Field(() => Float, { description: "Premium for them (rupiah)." }) cost!: number;
  @Field(() => Float, { description: "Money left (rupiah): less than one worker's premium, or no uncovered worker left." })
  unspent!: number;
}

@ObjectType({ description: "A funding scenario for next year: renewing everyone active, and new coverage from extra money." })
export class FundingScenarioResult {
  @Field(() => ScenarioParameters, { description: "The inputs, defaults filled in." }) parameters!: ScenarioParameters;
  @Field(() => Float, { description: "Premium per worker for the months funded (rupiah)." }) costPerWorker!: number;
  @Field(() => RenewalCost, { description: "Keeping today's covered workers covered." }) renewal!: RenewalCost;
  @Field(() => [NewCoverageBySource], { description: "New coverage by source, in the order spent." }) newCoverage!: NewCoverageBySource[];
  @Field(() => Int, { description: "New workers funded, all sources." }) newWorkers!: number;
  @Field(() => Float, {
    nullable: true,
    description: "Renewal cost + new coverage cost (rupiah); null when the renewal count is suppressed.",
  })
  totalCost!: number | null;
  @Field(() => [SectorProjection], {
    description: "Coverage by sector now and once renewed and funded (renewals keep it, new money adds).",
  })
  coverageBySector!: SectorProjection[];
  @Field(() => String, { description: "How the scenario is computed." }) method!: string;
}

@ObjectType({ description: "A saved funding scenario." })
export class SavedFundingScenario {
  @Field(() => Int, { description: "Identifier." }) id!: number;
  @Field(() => String, { description: "Name." }) name!: string;
  @Field(() => String, { description: "When it was saved (ISO 8601)." }) createdAt!: string;
  @Field(() => FundingScenarioResult, { description: "The scenario as computed when saved." }) scenario!: FundingScenarioResult;
}
