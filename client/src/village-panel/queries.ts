import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CoverageNode, FertilizerPoint, SectorFigures } from '../types.ts';
import type { Sector } from '../url-state.ts';

export interface OutreachSession {
  id: string;
  title: string;
  status: 'PLANNED' | 'HELD' | 'CANCELLED';
  startsOn: string;
  endsOn: string | null;
  villageCode: string | null;
  villageName: string | null;
  targetSectors: Sector[];
  attendance: number | null;
  enrollmentsAttributed: number | null;
}

export interface SeriesPoint {
  period: string;
  workforce: number;
  enrolled: number;
  coverageRate: number | null;
}

export interface VillageDetailData {
  region: { code: string; name: string; areaKm2: number | null; parent: { code: string; name: string } | null } | null;
  coverage: { edges: { node: CoverageNode & { bySector: SectorFigures[] } }[] };
  coverageSeries: SeriesPoint[];
  nearestFertilizerPoints: { distanceMeters: number; point: FertilizerPoint }[];
  sessions: OutreachSession[];
}

export interface VillageDetailVars {
  code: string;
  parentCode: string | null;
  sector: Sector | null;
  period: string | null;
  target: number;
}

/**
 * Everything the side panel shows about one village. The coverage list is its district's.
 * Sessions are all fetched and narrowed to the district here: the server's regionCode filter
 * matches a village code only, and most villages have no session of their own.
 */
export const VILLAGE_DETAIL: TypedDocumentNode<VillageDetailData, VillageDetailVars> = gql`
  query VillageDetail($code: String!, $parentCode: String, $sector: Sector, $period: String, $target: Float) {
    region(code: $code) { code name areaKm2 parent { code name } }
    coverage(level: VILLAGE, parentCode: $parentCode, period: $period, target: $target, first: 500) {
      edges {
        node {
          code name parentCode parentName workforce enrolled coverageRate uncovered areaKm2
          uncoveredPerKm2 gapToTarget rank reliability overEnrolled
          bySector { sector workforce enrolled coverageRate uncovered reliability }
        }
      }
    }
    coverageSeries(code: $code, sector: $sector, months: 24) { period workforce enrolled coverageRate }
    nearestFertilizerPoints(villageCode: $code, first: 5) {
      distanceMeters
      point { id code name kind villageCode lon lat }
    }
    sessions {
      id title status startsOn endsOn villageCode villageName targetSectors attendance enrollmentsAttributed
    }
  }
`;
