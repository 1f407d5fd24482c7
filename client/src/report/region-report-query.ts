// Everything a presentation or a PDF report says about one region, in one query.
import { gql, type TypedDocumentNode } from "@apollo/client";
import { DATASET_INFO_FIELDS } from "../app-queries.ts";
import type { RankedRegionFragment, RegionReportQuery, RegionReportQueryVariables } from "../generated/graphql.ts";
import { SERIES_POINT_FIELDS } from "../village-panel/queries.ts";
import { SECTOR_FIGURES_FIELDS } from "../village-panel/sector-figures.tsx";

export type RegionReportData = RegionReportQuery;
export type RegionSummary = RegionReportQuery["coverageSummary"];
export type RankedRegion = RankedRegionFragment;

/** How many of the lowest-coverage villages the map view and the report list. */
export const LOWEST_VILLAGES = 10;

const RANKED_REGION: TypedDocumentNode<RankedRegionFragment> = gql`
  fragment RankedRegion on CoverageNode {
    code
    name
    parentName
    workforce
    enrolled
    coverageRate
    uncovered
    reliability
  }
`;

/**
 * The region's headline figures, its districts (or its district's villages) lowest coverage first,
 * and its lowest-coverage villages, all for the sector shown (null: all sectors) with a trustworthy rate (SMALL_WORKFORCE ones are not ranked).
 */
export const REGION_REPORT: TypedDocumentNode<RegionReportQuery, RegionReportQueryVariables> = gql`
  query RegionReport($code: String!, $scope: String!, $childLevel: RegionLevel!, $sector: Sector, $target: Float, $lowest: Int!) {
    region(code: $code) {
      code
      name
      level
      parent {
        code
        name
      }
    }
    coverageSummary(code: $code) {
      period
      workforce
      enrolled
      coverageRate
      uncovered
      enrolledChange12m
      coverageRateChange12m
      bySector {
        ...SectorFigures_sector
      }
    }
    children: coverage(
      level: $childLevel
      parentCode: $scope
      sector: $sector
      target: $target
      orderBy: COVERAGE_RATE
      direction: ASC
      first: 500
    ) {
      totalCount
      edges {
        node {
          ...RankedRegion
        }
      }
    }
    lowest: coverage(
      level: VILLAGE
      parentCode: $scope
      sector: $sector
      target: $target
      orderBy: COVERAGE_RATE
      direction: ASC
      first: $lowest
      reliability: [COUNT, ESTIMATE]
    ) {
      totalCount
      edges {
        node {
          ...RankedRegion
        }
      }
    }
    # The sector's last 13 months: its change over 12 months (the summary has it for all sectors).
    series: coverageSeries(code: $code, sector: $sector, months: 13) {
      ...SeriesPointFields
    }
    datasetInfo {
      ...DatasetInfoFields
    }
  }
  ${SECTOR_FIGURES_FIELDS}
  ${RANKED_REGION}
  ${DATASET_INFO_FIELDS}
  ${SERIES_POINT_FIELDS}
`;
