// Funding scenarios (server/scenarios): saved ones and saving one, for the planner's scenarios tab.
import { gql, type TypedDocumentNode } from "@apollo/client";
import type {
  SaveFundingScenarioMutation,
  SaveFundingScenarioMutationVariables,
  SavedFundingScenariosQuery,
  SavedFundingScenariosQueryVariables,
} from "../generated/graphql.ts";

const SAVED_SCENARIO_FIELDS = gql`
  fragment SavedScenarioFields on SavedFundingScenario {
    id
    name
    createdAt
    scenario {
      parameters {
        regionCode
        period
        monthlyPremium
        months
        sectors
        funding {
          source
          amount
        }
      }
      costPerWorker
      renewal {
        active
        cost
        suppressed
      }
      newCoverage {
        source
        workers
        unspent
      }
      newWorkers
      totalCost
      coverageBySector {
        sector
        rateBefore
        rateAfter
      }
    }
  }
`;

export const SAVED_SCENARIOS: TypedDocumentNode<SavedFundingScenariosQuery, SavedFundingScenariosQueryVariables> = gql`
  query SavedFundingScenarios {
    fundingScenarios {
      ...SavedScenarioFields
    }
  }
  ${SAVED_SCENARIO_FIELDS}
`;

export const SAVE_SCENARIO: TypedDocumentNode<SaveFundingScenarioMutation, SaveFundingScenarioMutationVariables> = gql`
  mutation SaveFundingScenario($name: String!, $input: ScenarioInput!) {
    saveFundingScenario(name: $name, input: $input) {
      ...SavedScenarioFields
    }
  }
  ${SAVED_SCENARIO_FIELDS}
`;

export type SavedScenario = SavedFundingScenariosQuery["fundingScenarios"][number];
