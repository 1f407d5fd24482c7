// The change map: each village's measure now minus the same measure in an earlier month, on a
// diverging palette centred on no change, with the same reliability marks as the map.
import { schemeRdBu } from "d3-scale-chromatic";
import { isReliable, lowIsBad, metricValue, type CoverageNode } from "../types.ts";
import type { Metric } from "../url-state.ts";
import { classIndex, niceStep, SUPPRESSED, type Classification, type ClassValue } from "./classify.ts";

/** Classes on each side of zero. */
const SIDE = 3;

/**
 * The villages with the measure's field holding the change (now − then). A change is as reliable
 * as the weaker of its two figures; without a figure in either month it is no data.
 */
export function changeNodes(now: readonly CoverageNode[], then: ReadonlyMap<string, CoverageNode>, metric: Metric): CoverageNode[] {
  const field = (
    { COVERAGE_RATE: "coverageRate", UNCOVERED: "uncovered", UNCOVERED_PER_KM2: "uncoveredPerKm2", GAP_TO_TARGET: "gapToTarget" } as const
  )[metric];
  return now.map((n) => {
    const before = then.get(n.code);
    const a = metricValue(n, metric),
      b = metricValue(before, metric);
    const change = a == null || b == null ? null : +(a - b).toPrecision(12);
    const reliability = isReliable(n) && isReliable(before) ? n.reliability : isReliable(n) ? before!.reliability : n.reliability;
    // A count withheld in either month (disclosure control) withholds the change.
    const suppressed = n.suppressed || before?.suppressed === true;
    return { ...n, [field]: suppressed ? null : change, reliability, suppressed } as CoverageNode;
  });
}

/**
 * Six classes symmetric around zero (three falls, three rises) in steps of a round number, on
 * ColorBrewer's red–blue diverging scheme: blue where things got better (coverage up, uncovered
 * workers down), red where they got worse.
 */
export function classifyChange(values: readonly ClassValue[], metric: Metric): Classification {
  const present = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const suppressed = values.filter((v) => v === SUPPRESSED).length;
  const top = Math.max(...present.map(Math.abs), 0);
  const step = top > 0 ? niceStep(top / SIDE) : 1;
  const edges = Array.from({ length: 2 * SIDE + 1 }, (_, i) => +((i - SIDE) * step).toPrecision(12));
  // RdBu runs red → blue; a rise is good for a rate, bad for uncovered workers.
  const scheme = [...schemeRdBu[2 * SIDE]!];
  const colors = lowIsBad(metric) ? scheme : scheme.reverse();
  const counts = new Array<number>(2 * SIDE).fill(0);
  for (const v of present) counts[classIndex(v, edges)]! += 1;
  return { edges, colors, counts, noData: values.length - present.length - suppressed, suppressed };
}
