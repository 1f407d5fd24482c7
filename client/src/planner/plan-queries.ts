// The planner's GraphQL documents; the shapes of their answers are generated from schema.graphql.
import { gql, type TypedDocumentNode } from "@apollo/client";
import type {
  BudgetViewQuery,
  BudgetViewQueryVariables,
  DistributionSchedulesQuery,
  OutreachPlanQuery,
  OutreachPlanQueryVariables,
  PlanFieldsFragment,
  PlanInput,
  PlanVillageFieldsFragment,
  SavedPlanFieldsFragment,
  SavedPlansQuery,
} from "../generated/graphql.ts";

export type { PlanInput };
export type OutreachPlanResult = OutreachPlanQuery["outreachPlan"];
export type PlanSite = OutreachPlanResult["sites"][number];
export type PlanVillage = PlanVillageFieldsFragment;
/** A saved plan with what the comparison shows (the sites only counted). */
export type SavedPlan = SavedPlanFieldsFragment;

const PLAN_VILLAGE_FIELDS: TypedDocumentNode<PlanVillageFieldsFragment> = gql`
  fragment PlanVillageFields on PlanVillage {
    code
    name
    districtCode
    districtName
    uncovered
    distanceMeters
    expectedEnrollments
  }
`;

const PLAN_FIELDS: TypedDocumentNode<PlanFieldsFragment> = gql`
  fragment PlanFields on OutreachPlanResult {
    parameters {
      sectors
      sessions
      maxDistanceKm
      candidates
      from
      to
      enrollmentRate
      enrollmentRateSource
      budget
      monthlyPremium
      months
      period
    }
    candidateCount
    totals {
      uncoveredReached
      expectedEnrollments
      premiumCost
      budgetRemaining
      uncoveredInRegion
    }
    stopReason
    coverageAfter {
      code
      name
      level
      workforce
      enrolledBefore
      expectedNew
      rateBefore
      rateAfter
    }
  }
`;

export const OUTREACH_PLAN: TypedDocumentNode<OutreachPlanQuery, OutreachPlanQueryVariables> = gql`
  query OutreachPlan($input: PlanInput!) {
    outreachPlan(input: $input) {
      ...PlanFields
      sites {
        order
        kind
        code
        name
        villageCode
        villageName
        districtName
        lon
        lat
        date
        villages {
          ...PlanVillageFields
        }
        uncoveredReached
        expectedEnrollments
        premiumCost
        budgetLimited
        cumulativeUncoveredReached
        cumulativeExpectedEnrollments
        cumulativeCost
        budgetRemaining
      }
      villagesLeftOut {
        ...PlanVillageFields
      }
    }
  }
  ${PLAN_FIELDS}
  ${PLAN_VILLAGE_FIELDS}
`;

export const DISTRIBUTION_SCHEDULES: TypedDocumentNode<DistributionSchedulesQuery> = gql`
  query DistributionSchedules($regionCode: String) {
    fertilizerPoints(regionCode: $regionCode) {
      id
      schedule {
        season
        startsOn
        endsOn
      }
    }
  }
`;

export const BUDGET_VIEW: TypedDocumentNode<BudgetViewQuery, BudgetViewQueryVariables> = gql`
  query BudgetView($input: BudgetInput!) {
    budgetView(input: $input) {
      rule
      costPerWorker
      fundableWorkers
      funded
      budgetUsed
      budgetRemaining
      allocations {
        order
        villageCode
        villageName
        districtName
        sector
        uncovered
        funded
        rateBefore
        rateAfter
      }
      coverageBySector {
        sector
        workforce
        enrolledBefore
        enrolledAfter
        rateBefore
        rateAfter
      }
    }
  }
`;

export const SAVED_PLAN_FIELDS: TypedDocumentNode<SavedPlanFieldsFragment> = gql`
  fragment SavedPlanFields on SavedPlan {
    id
    name
    createdAt
    sessionCount
    plan {
      ...PlanFields
      sites {
        order
      }
      villagesLeftOut {
        code
      }
    }
  }
  ${PLAN_FIELDS}
`;

export const SAVED_PLANS: TypedDocumentNode<SavedPlansQuery> = gql`
  query SavedPlans {
    outreachPlans {
      ...SavedPlanFields
    }
  }
  ${SAVED_PLAN_FIELDS}
`;
