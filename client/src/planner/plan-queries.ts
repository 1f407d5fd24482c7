// The planner's GraphQL documents and the shapes of their answers (see schema.graphql).
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Sector } from '../url-state.ts';
import type { DistributionWindow } from './season-window.ts';
import type { AllocationRule, PlanForm } from './plan-state.ts';

export type RateSource = 'GIVEN' | 'PAST_SESSIONS' | 'DEFAULT';
export type StopReason = 'SESSIONS_REACHED' | 'BUDGET_SPENT' | 'NOTHING_LEFT_TO_REACH';
export type SiteKind = 'WAREHOUSE' | 'KIOSK' | 'VILLAGE';

/** What the server plans with: the form without the view's own parts. */
export type PlanInput = Omit<PlanForm, 'tab' | 'rule' | 'compare'>;

export interface PlanVillage {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  uncovered: number;
  distanceMeters: number | null;
  expectedEnrollments: number;
}

export interface PlanSite {
  order: number;
  kind: SiteKind;
  code: string;
  name: string;
  villageCode: string;
  villageName: string;
  districtName: string;
  lon: number;
  lat: number;
  date: string | null;
  villages: PlanVillage[];
  uncoveredReached: number;
  expectedEnrollments: number;
  premiumCost: number;
  budgetLimited: boolean;
  cumulativeUncoveredReached: number;
  cumulativeExpectedEnrollments: number;
  cumulativeCost: number;
  budgetRemaining: number | null;
}

export interface PlanTotals {
  uncoveredReached: number;
  expectedEnrollments: number;
  premiumCost: number;
  budgetRemaining: number | null;
  uncoveredInRegion: number;
}

export interface CoverageProjection {
  code: string;
  name: string;
  level: string;
  workforce: number;
  enrolledBefore: number;
  expectedNew: number;
  rateBefore: number | null;
  rateAfter: number | null;
}

export interface PlanParameters extends Omit<PlanInput, 'enrollmentRate'> {
  enrollmentRate: number;
  enrollmentRateSource: RateSource;
  period: string;
}

export interface OutreachPlanResult {
  parameters: PlanParameters;
  candidateCount: number;
  sites: PlanSite[];
  totals: PlanTotals;
  stopReason: StopReason;
  coverageAfter: CoverageProjection[];
  villagesLeftOut: PlanVillage[];
}

const PLAN_FIELDS = gql`
  fragment PlanFields on OutreachPlanResult {
    parameters {
      sectors sessions maxDistanceKm candidates from to enrollmentRate enrollmentRateSource
      budget monthlyPremium months period
    }
    candidateCount
    totals { uncoveredReached expectedEnrollments premiumCost budgetRemaining uncoveredInRegion }
    stopReason
    coverageAfter { code name level workforce enrolledBefore expectedNew rateBefore rateAfter }
  }
`;

const VILLAGE_FIELDS = 'code name districtCode districtName uncovered distanceMeters expectedEnrollments';

export const OUTREACH_PLAN: TypedDocumentNode<{ outreachPlan: OutreachPlanResult }, { input: PlanInput }> = gql`
  query OutreachPlan($input: PlanInput!) {
    outreachPlan(input: $input) {
      ...PlanFields
      sites {
        order kind code name villageCode villageName districtName lon lat date
        villages { ${VILLAGE_FIELDS} }
        uncoveredReached expectedEnrollments premiumCost budgetLimited
        cumulativeUncoveredReached cumulativeExpectedEnrollments cumulativeCost budgetRemaining
      }
      villagesLeftOut { ${VILLAGE_FIELDS} }
    }
  }
  ${PLAN_FIELDS}
`;

export const DISTRIBUTION_SCHEDULES: TypedDocumentNode<{ fertilizerPoints: { id: number; schedule: DistributionWindow[] }[] }> = gql`
  query DistributionSchedules {
    fertilizerPoints { id schedule { season startsOn endsOn } }
  }
`;

export interface BudgetInput {
  budget: number;
  rule: AllocationRule;
  sectors: Sector[];
  monthlyPremium: number;
  months: number;
}

export interface BudgetView {
  rule: AllocationRule;
  costPerWorker: number;
  fundableWorkers: number;
  funded: number;
  budgetUsed: number;
  budgetRemaining: number;
  allocations: {
    order: number; villageCode: string; villageName: string; districtName: string; sector: Sector;
    uncovered: number; funded: number; rateBefore: number | null; rateAfter: number | null;
  }[];
  coverageBySector: {
    sector: Sector; workforce: number; enrolledBefore: number; enrolledAfter: number;
    rateBefore: number | null; rateAfter: number | null;
  }[];
}

export const BUDGET_VIEW: TypedDocumentNode<{ budgetView: BudgetView }, { input: BudgetInput }> = gql`
  query BudgetView($input: BudgetInput!) {
    budgetView(input: $input) {
      rule costPerWorker fundableWorkers funded budgetUsed budgetRemaining
      allocations { order villageCode villageName districtName sector uncovered funded rateBefore rateAfter }
      coverageBySector { sector workforce enrolledBefore enrolledAfter rateBefore rateAfter }
    }
  }
`;

/** A saved plan with what the comparison shows (the sites only counted). */
export interface SavedPlan {
  id: number;
  name: string;
  createdAt: string;
  sessionCount: number;
  plan: Omit<OutreachPlanResult, 'sites' | 'villagesLeftOut'> & { sites: { order: number }[]; villagesLeftOut: { code: string }[] };
}

const SAVED_PLAN_FIELDS = gql`
  fragment SavedPlanFields on SavedPlan {
    id name createdAt sessionCount
    plan { ...PlanFields sites { order } villagesLeftOut { code } }
  }
  ${PLAN_FIELDS}
`;

export const SAVED_PLANS: TypedDocumentNode<{ outreachPlans: SavedPlan[] }> = gql`
  query SavedPlans { outreachPlans { ...SavedPlanFields } }
  ${SAVED_PLAN_FIELDS}
`;

export const SAVE_PLAN: TypedDocumentNode<{ savePlan: SavedPlan }, { name: string; input: PlanInput }> = gql`
  mutation SavePlan($name: String!, $input: PlanInput!) { savePlan(name: $name, input: $input) { ...SavedPlanFields } }
  ${SAVED_PLAN_FIELDS}
`;

export const CREATE_SESSIONS: TypedDocumentNode<{ createSessionsFromPlan: { id: number }[] }, { planId: number }> = gql`
  mutation CreateSessionsFromPlan($planId: Int!) { createSessionsFromPlan(planId: $planId) { id } }
`;
