// Everything a presentation or a PDF report says about one region, in one query.
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DatasetInfo } from '../app-queries.ts';
import type { Reliability, SectorFigures } from '../types.ts';
import type { ReportScope } from './report-scope.ts';

export interface RankedRegion {
  code: string;
  name: string;
  parentName: string | null;
  workforce: number;
  enrolled: number;
  coverageRate: number | null;
  uncovered: number;
  reliability: Reliability;
}

export interface RegionSummary {
  period: string;
  workforce: number;
  enrolled: number;
  coverageRate: number | null;
  uncovered: number;
  bySector: SectorFigures[];
  enrolledChange12m: number | null;
  coverageRateChange12m: number | null;
}

export interface RegionReportData {
  region: { code: string; name: string; level: string; parent: { code: string; name: string } | null };
  coverageSummary: RegionSummary;
  children: { totalCount: number; edges: { node: RankedRegion }[] };
  lowest: { totalCount: number; edges: { node: RankedRegion }[] };
  datasetInfo: DatasetInfo;
}

export interface RegionReportVars {
  code: string;
  scope: string;
  childLevel: ReportScope['childLevel'];
  target: number;
  lowest: number;
}

/** How many of the lowest-coverage villages the map view and the report list. */
export const LOWEST_VILLAGES = 10;

const RANKED = 'code name parentName workforce enrolled coverageRate uncovered reliability';

/**
 * The region's headline figures, its districts (or its district's villages) lowest coverage first,
 * and its lowest-coverage villages with a trustworthy rate (SMALL_WORKFORCE ones are not ranked).
 */
export const REGION_REPORT: TypedDocumentNode<RegionReportData, RegionReportVars> = gql`
  query RegionReport($code: String!, $scope: String!, $childLevel: RegionLevel!, $target: Float, $lowest: Int!) {
    region(code: $code) { code name level parent { code name } }
    coverageSummary(code: $code) {
      period workforce enrolled coverageRate uncovered enrolledChange12m coverageRateChange12m
      bySector { sector workforce enrolled coverageRate uncovered reliability }
    }
    children: coverage(level: $childLevel, parentCode: $scope, target: $target, orderBy: COVERAGE_RATE, direction: ASC, first: 500) {
      totalCount
      edges { node { ${RANKED} } }
    }
    lowest: coverage(level: VILLAGE, parentCode: $scope, target: $target, orderBy: COVERAGE_RATE, direction: ASC,
                     first: $lowest, reliability: [COUNT, ESTIMATE]) {
      totalCount
      edges { node { ${RANKED} } }
    }
    datasetInfo { regencyCode regencyName synthetic boundariesSynthetic boundarySource latestPeriod basemapUrl }
  }
`;
