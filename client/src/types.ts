// Fragments several views read, and the shapes of the answers the client reads. The result types
// are generated from schema.graphql (`npm run codegen`); only the JSON scalar's shape is declared here.
import { gql, type TypedDocumentNode } from "@apollo/client";
import type { CoverageNodeFieldsFragment, FertilizerPointFieldsFragment } from "./generated/graphql.ts";
import type { Metric } from "./url-state.ts";
import { SUPPRESSED, type ClassValue } from "./map/classify.ts";

export type { Reliability } from "./generated/graphql.ts";

/** A region's coverage as the map, the table, the ranking and the village panel show it. */
export const COVERAGE_NODE_FIELDS: TypedDocumentNode<CoverageNodeFieldsFragment> = gql`
  fragment CoverageNodeFields on CoverageNode {
    code
    name
    parentCode
    parentName
    workforce
    enrolled
    coverageRate
    uncovered
    areaKm2
    uncoveredPerKm2
    gapToTarget
    rank
    reliability
    overEnrolled
    suppressed
    endingSoon
    lapsed
  }
`;
export type CoverageNode = CoverageNodeFieldsFragment;

export const FERTILIZER_POINT_FIELDS: TypedDocumentNode<FertilizerPointFieldsFragment> = gql`
  fragment FertilizerPointFields on FertilizerPoint {
    id
    code
    name
    kind
    villageCode
    lon
    lat
  }
`;
export type FertilizerPoint = FertilizerPointFieldsFragment;

/** The properties of `regionGeometries` features (a JSON scalar in the schema). */
export interface RegionProps {
  code: string;
  name: string;
  parentCode?: string | null;
}

export type RegionCollection = GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, RegionProps>;

export function metricValue(node: CoverageNode | undefined, metric: Metric): number | null {
  if (!node) return null;
  switch (metric) {
    case "COVERAGE_RATE":
      return node.coverageRate;
    case "UNCOVERED":
      return node.workforce > 0 ? node.uncovered : null;
    case "UNCOVERED_PER_KM2":
      return node.workforce > 0 ? node.uncoveredPerKm2 : null;
    case "GAP_TO_TARGET":
      return node.workforce > 0 ? node.gapToTarget : null;
    case "ENDING_SOON":
      return node.workforce > 0 || (node.endingSoon ?? 0) > 0 ? node.endingSoon : null;
    case "LAPSED":
      return node.workforce > 0 || (node.lapsed ?? 0) > 0 ? node.lapsed : null;
  }
}

/**
 * The metric's count is withheld by disclosure control: the village's enrolled count, or for the
 * renewal measures their own count (null only when suppressed: lapses and renewals are cells of their own).
 */
export function isSuppressed(node: CoverageNode | undefined, metric: Metric): boolean {
  if (!node) return false;
  if (node.suppressed) return true;
  return (metric === "ENDING_SOON" && node.endingSoon === null) || (metric === "LAPSED" && node.lapsed === null);
}

/** What the map classes: the metric's value, or the suppressed class (a count withheld by disclosure control). */
export const classValue = (node: CoverageNode, metric: Metric): ClassValue =>
  isSuppressed(node, metric) ? SUPPRESSED : metricValue(node, metric);

/** Coverage rate: a low value is the bad one; for the other metrics a high value is. */
export function lowIsBad(metric: Metric): boolean {
  return metric === "COVERAGE_RATE";
}

/**
 * Whether a village's rate can be shown as a real figure: a count, or an estimate over a large
 * enough workforce. Small workforces (the rate swings with a few workers) and no workforce are
 * marked on the map and in the lists.
 */
export function isReliable(node: Pick<CoverageNode, "reliability"> | undefined): boolean {
  // A suppressed count (disclosure control) has a class of its own, not the unreliable mark.
  return !node || node.reliability === "COUNT" || node.reliability === "ESTIMATE" || node.reliability === "SUPPRESSED";
}
