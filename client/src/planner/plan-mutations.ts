// The planner's mutations as hooks, each keeping the cache right itself instead of refetching.
import { gql, type TypedDocumentNode } from "@apollo/client";
import { useMutation } from "@apollo/client/react";
import type {
  CreateSessionsFromPlanMutation,
  CreateSessionsFromPlanMutationVariables,
  SavePlanMutation,
  SavePlanMutationVariables,
} from "../generated/graphql.ts";
import { SAVED_PLAN_FIELDS, SAVED_PLANS } from "./plan-queries.ts";

const SAVE_PLAN: TypedDocumentNode<SavePlanMutation, SavePlanMutationVariables> = gql`
  mutation SavePlan($name: String!, $input: PlanInput!) {
    savePlan(name: $name, input: $input) {
      ...SavedPlanFields
    }
  }
  ${SAVED_PLAN_FIELDS}
`;

const CREATE_SESSIONS: TypedDocumentNode<CreateSessionsFromPlanMutation, CreateSessionsFromPlanMutationVariables> = gql`
  mutation CreateSessionsFromPlan($planId: Int!) {
    createSessionsFromPlan(planId: $planId) {
      id
    }
  }
`;

/** Saves a plan; the new plan goes first in the saved-plans list. */
export function useSavePlanMutation() {
  return useMutation(SAVE_PLAN, {
    update(cache, { data }) {
      if (!data) return;
      cache.updateQuery({ query: SAVED_PLANS }, (old) => old && { outreachPlans: [data.savePlan, ...old.outreachPlans] });
    },
  });
}

/** Turns a saved plan into planned sessions; the plan's session count is set in the cache. */
export function useCreateSessionsFromPlanMutation() {
  return useMutation(CREATE_SESSIONS, {
    update(cache, { data }, { variables }) {
      if (!data || !variables) return;
      const id = cache.identify({ __typename: "SavedPlan", id: variables.planId });
      cache.modify({ id, fields: { sessionCount: () => data.createSessionsFromPlan.length } });
    },
  });
}
