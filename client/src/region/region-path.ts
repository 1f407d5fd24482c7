// Where a region sits in the hierarchy the screen shows: the breadcrumbs from the root region (the
// smallest holding all the data) down to the region viewed, and the region whose villages are drawn.
import { ancestorAt, isInRegion, levelOfCode, parentOfCode } from "../../../domain/region-code.ts";
import { RegionLevel } from "../../../domain/vocabulary.ts";

/** The nation in a path of codes (it has no code of its own). */
export const NATION = "";

/** Largest first. */
const ORDER: readonly RegionLevel[] = Object.values(RegionLevel);

/**
 * The codes from `root` down to `region`, both included (35.26 › 35.26.01). A region outside the
 * root, or none, gives the root alone. `root` null: the nation, not itself a code.
 */
export function regionPath(root: string | null, region: string | null): string[] {
  const top = root ? [root] : [];
  if (!region || (root && !isInRegion(region, root))) return top;
  const rootLevel = root ? levelOfCode(root) : null;
  const below = ORDER.slice(rootLevel ? ORDER.indexOf(rootLevel) + 1 : 0);
  const codes = below.map((level) => ancestorAt(region, level)).filter((c): c is string => c != null);
  return [...top, ...codes];
}

/**
 * The region whose villages the map, the legend, the ranking and the table show: the region
 * itself, or the district of a village (a village is shown among its neighbours).
 */
export function viewedRegion(region: string): string {
  return levelOfCode(region) === "VILLAGE" ? (parentOfCode(region) ?? region) : region;
}
