import { gql, type TypedDocumentNode } from "@apollo/client";
import type { SeriesPointFieldsFragment, VillageDetailQuery, VillageDetailQueryVariables } from "../generated/graphql.ts";
import { COVERAGE_NODE_FIELDS, FERTILIZER_POINT_FIELDS } from "../types.ts";
import { SECTOR_FIGURES_FIELDS } from "./sector-figures.tsx";
import { SESSIONS_LIST_FIELDS } from "./sessions-list.tsx";

/** A month of a coverage series, as the village panel's and the presentation's trends draw it. */
export const SERIES_POINT_FIELDS: TypedDocumentNode<SeriesPointFieldsFragment> = gql`
  fragment SeriesPointFields on SeriesPoint {
    period
    workforce
    enrolled
    coverageRate
  }
`;
export type SeriesPoint = SeriesPointFieldsFragment;

/**
 * Everything the side panel shows about one village. The coverage list is its district's.
 * Sessions are all fetched and narrowed to the district here: the server's regionCode filter
 * matches a village code only, and most villages have no session of their own.
 */
export const VILLAGE_DETAIL: TypedDocumentNode<VillageDetailQuery, VillageDetailQueryVariables> = gql`
  query VillageDetail($code: String!, $parentCode: String, $sector: Sector, $period: String, $target: Float) {
    region(code: $code) {
      code
      name
      areaKm2
      parent {
        code
        name
      }
    }
    coverage(level: VILLAGE, parentCode: $parentCode, period: $period, target: $target, first: 500) {
      edges {
        node {
          ...CoverageNodeFields
          bySector {
            ...SectorFigures_sector
          }
        }
      }
    }
    coverageSeries(code: $code, sector: $sector, months: 24) {
      ...SeriesPointFields
    }
    nearestFertilizerPoints(villageCode: $code, first: 5) {
      distanceMeters
      point {
        ...FertilizerPointFields
      }
    }
    sessions {
      ...SessionsList_session
    }
  }
  ${COVERAGE_NODE_FIELDS}
  ${SECTOR_FIGURES_FIELDS}
  ${SERIES_POINT_FIELDS}
  ${FERTILIZER_POINT_FIELDS}
  ${SESSIONS_LIST_FIELDS}
`;
