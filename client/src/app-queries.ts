import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CoverageNode, FertilizerPoint, RegionCollection } from './types.ts';
import type { Sector } from './url-state.ts';

export interface DatasetInfo {
  regencyCode: string;
  regencyName: string;
  synthetic: boolean;
  boundariesSynthetic: boolean;
  boundarySource: string | null;
  latestPeriod: string;
  basemapUrl: string | null;
}

export const APP_INFO: TypedDocumentNode<{
  datasetInfo: DatasetInfo;
  periods: string[];
  sectors: { code: Sector; nameId: string; nameEn: string }[];
}> = gql`
  query AppInfo {
    datasetInfo { regencyCode regencyName synthetic boundariesSynthetic boundarySource latestPeriod basemapUrl }
    periods
    sectors { code nameId nameEn }
  }
`;

export const GEOMETRIES: TypedDocumentNode<{ villages: RegionCollection; districts: RegionCollection }> = gql`
  query Geometries {
    villages: regionGeometries(level: VILLAGE, detail: MEDIUM)
    districts: regionGeometries(level: DISTRICT, detail: LOW)
  }
`;

export interface CoverageVars {
  sector: Sector | null;
  period: string | null;
  target: number;
}

/** Every village of the regency for one sector and period (281 villages, under the 500 cap). */
export const VILLAGE_COVERAGE: TypedDocumentNode<{
  coverage: {
    totalCount: number;
    edges: { node: CoverageNode }[];
    total: { workforce: number; enrolled: number; coverageRate: number | null; uncovered: number } | null;
  };
}, CoverageVars> = gql`
  query VillageCoverage($sector: Sector, $period: String, $target: Float) {
    coverage(level: VILLAGE, sector: $sector, period: $period, target: $target, first: 500,
             orderBy: COVERAGE_RATE, direction: ASC) {
      totalCount
      edges {
        node {
          code name parentCode parentName workforce enrolled coverageRate uncovered
          areaKm2 uncoveredPerKm2 gapToTarget rank reliability overEnrolled
        }
      }
      total { workforce enrolled coverageRate uncovered }
    }
  }
`;

export const FERTILIZER_POINTS: TypedDocumentNode<{ fertilizerPoints: FertilizerPoint[] }> = gql`
  query FertilizerPoints {
    fertilizerPoints { id code name kind villageCode lon lat }
  }
`;
