// The exact optimum of maximum coverage by brute force, and greedy's guarantee against it.
import { coveredWeight, type CoverageCandidate } from "../../server/planner/greedy.ts";

export const GUARANTEE = 1 - 1 / Math.E;

/** The best weight any k of the candidates reach, by trying every k-subset. */
export function bruteForceOptimum(candidates: CoverageCandidate[], weight: Map<string, number>, k: number): number {
  let best = 0;
  const pick = (start: number, chosen: CoverageCandidate[]) => {
    if (chosen.length === k || start === candidates.length) {
      best = Math.max(best, coveredWeight(chosen, weight));
      return;
    }
    for (let i = start; i < candidates.length; i++) pick(i + 1, [...chosen, candidates[i]!]);
  };
  pick(0, []);
  return best;
}

/** The most weight any one more candidate adds to those already chosen, by trying each. */
export function bestNextGain(candidates: CoverageCandidate[], chosen: CoverageCandidate[], weight: Map<string, number>): number {
  const base = coveredWeight(chosen, weight);
  return Math.max(0, ...candidates.filter((c) => !chosen.includes(c)).map((c) => coveredWeight([...chosen, c], weight) - base));
}
