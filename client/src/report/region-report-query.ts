// Everything a presentation or a PDF report says about one region, in one query.
import { gql, type TypedDocumentNode } from "@apollo/client";
import { DATASET_INFO_FIELDS } from "../app-queries.ts";
import { reportScope } from "./report-scope.ts";
import type { RankedRegionFragment, RegionReportQuery, RegionReportQueryVariables, Sector } from "../generated/graphql.ts";
import { SERIES_POINT_FIELDS } from "../village-panel/queries.ts";
import { SECTOR_FIGURES_FIELDS } from "../village-panel/sector-figures.tsx";

export type RegionReportData = RegionReportQuery;
export type RegionSummary = RegionReportQuery["coverageSummary"];
export type RankedRegion = RankedRegionFragment;
export type LowestVillage = RegionReportQuery["lowest"]["edges"][number]["node"];

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
 * The region's headline figures, its children (see reportScope) lowest coverage first, and its
 * lowest-coverage villages, all for the sector shown (null: all sectors) with a trustworthy rate
 * (SMALL_WORKFORCE ones are not ranked). The nation: `code` and `scope` null, no `region` (see reportVariables).
 */
export const REGION_REPORT: TypedDocumentNode<RegionReportQuery, RegionReportQueryVariables> = gql`
  query RegionReport(
    $code: String
    $region: String! = ""
    $named: Boolean! = true
    $scope: String
    $childLevel: RegionLevel!
    $sector: Sector
    $target: Float
    $lowest: Int!
  ) {
    region(code: $region) @include(if: $named) {
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
          # Where its number goes on the map (the map may draw villages from tiles, without their shapes).
          centroid {
            lon
            lat
          }
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

/** The report's variables for a region ("" or null: the nation), a sector (null: all) and a target rate. */
export function reportVariables(code: string | null, sector: Sector | null, target: number): RegionReportQueryVariables {
  const { scope, childLevel } = reportScope(code ?? "");
  return { code: code || null, region: code ?? "", named: Boolean(code), scope, childLevel, sector, target, lowest: LOWEST_VILLAGES };
}
