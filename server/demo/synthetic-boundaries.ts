import type { BoundaryFeature } from "../regions/boundary-parsers.ts";
import type { OfficialRegency } from "../regions/official-codes.ts";
import { syntheticRegionBoundaries } from "./synthetic-region.ts";

/**
 * Generated village boundaries for when no real boundary can be had (offline): each district a
 * block of square villages, blocks side by side. Always labelled synthetic in logs and UI.
 */
export function syntheticBoundaries(official: OfficialRegency, origin: [number, number] = [112.75, -6.95]): BoundaryFeature[] {
  return syntheticRegionBoundaries([official], origin);
}
