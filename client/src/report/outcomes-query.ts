// What the sessions achieved and next year's cost, for a region: the presentation's two views and the PDF's second page.
import { gql, type TypedDocumentNode } from "@apollo/client";
import type { OutcomesAndCostQuery, OutcomesAndCostQueryVariables } from "../generated/graphql.ts";

export const OUTCOMES_AND_COST: TypedDocumentNode<OutcomesAndCostQuery, OutcomesAndCostQueryVariables> = gql`
  query OutcomesAndCost($code: String) {
    sessionOutcomes(regionCode: $code) {
      total {
        sessionsHeld
        attendance
        enrollmentsAttributed
        forecastEnrollments
        attributedWhereForecast
        estimate
        suppressedSessions
      }
      districts {
        code
        name
        sessionsHeld
        attendance
        enrollmentsAttributed
        estimate
        suppressedSessions
      }
    }
    datasetInfo {
      minCellSize
    }
    fundingScenario(input: { regionCode: $code }) {
      parameters {
        monthlyPremium
        months
      }
      renewal {
        active
        cost
        suppressed
        bySource {
          source
          active
          cost
          suppressed
        }
      }
    }
  }
`;
export type OutcomesAndCost = OutcomesAndCostQuery;
