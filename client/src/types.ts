// Shapes of the GraphQL answers the client reads (see the server contract).
import type { Metric, Sector } from './url-state.ts';

export type Reliability = 'COUNT' | 'ESTIMATE' | 'SMALL_WORKFORCE' | 'NO_WORKFORCE';

export interface SectorFigures {
  sector: Sector;
  workforce: number;
  enrolled: number;
  coverageRate: number | null;
  uncovered: number;
  reliability: Reliability;
}

export interface CoverageNode {
  code: string;
  name: string;
  parentCode: string | null;
  parentName: string | null;
  workforce: number;
  enrolled: number;
  coverageRate: number | null;
  uncovered: number;
  areaKm2: number | null;
  uncoveredPerKm2: number | null;
  gapToTarget: number | null;
  rank: number | null;
  reliability: Reliability;
  overEnrolled: boolean;
}

export interface RegionProps {
  code: string;
  name: string;
  parentCode?: string | null;
}

export type RegionCollection = GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, RegionProps>;

export interface FertilizerPoint {
  id: string;
  code: string;
  name: string;
  kind: string;
  villageCode: string | null;
  lon: number;
  lat: number;
}

export function metricValue(node: CoverageNode | undefined, metric: Metric): number | null {
  if (!node) return null;
  switch (metric) {
    case 'COVERAGE_RATE': return node.coverageRate;
    case 'UNCOVERED': return node.workforce > 0 ? node.uncovered : null;
    case 'UNCOVERED_PER_KM2': return node.workforce > 0 ? node.uncoveredPerKm2 : null;
    case 'GAP_TO_TARGET': return node.workforce > 0 ? node.gapToTarget : null;
  }
}

/** Coverage rate: a low value is the bad one; for the other metrics a high value is. */
export function lowIsBad(metric: Metric): boolean {
  return metric === 'COVERAGE_RATE';
}

/**
 * Whether a village's rate can be shown as a real figure: a count, or an estimate over a large
 * enough workforce. Small workforces (the rate swings with a few workers) and no workforce are
 * marked on the map and in the lists.
 */
export function isReliable(node: CoverageNode | undefined): boolean {
  return !node || node.reliability === 'COUNT' || node.reliability === 'ESTIMATE';
}
