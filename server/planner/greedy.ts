/**
 * Maximum-coverage location: choose up to k candidate sites so that the total weight of the
 * demand points they reach (each point counted once) is as large as possible.
 *
 * Greedy: repeatedly take the site that adds the most not-yet-reached weight. The objective is
 * monotone submodular, so greedy reaches at least (1 - 1/e) ≈ 63% of the optimum (Nemhauser,
 * Wolsey & Fisher 1978); the tests compare it with the exact optimum by brute force.
 */
export interface CoverageCandidate {
  id: string;
  /** the demand points (villages) this site reaches */
  reaches: readonly string[];
}

export interface GreedyStep {
  id: string;
  /** demand points reached for the first time by this site */
  newlyReached: string[];
  /** their weight (the marginal gain) */
  gain: number;
}

export interface GreedyOptions {
  k: number;
}

export function greedyMaxCoverage(
  candidates: readonly CoverageCandidate[],
  weight: ReadonlyMap<string, number>,
  { k }: GreedyOptions,
): GreedyStep[] {
  const reached = new Set<string>();
  const remaining = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const steps: GreedyStep[] = [];
  while (steps.length < k && remaining.length > 0) {
    let best = -1;
    let bestGain = 0;
    remaining.forEach((c, i) => {
      const gain = marginalGain(c, reached, weight);
      if (gain > bestGain) [best, bestGain] = [i, gain];
    });
    if (best < 0) break; // nothing left to gain
    const [site] = remaining.splice(best, 1);
    const newlyReached = site!.reaches.filter((p) => !reached.has(p) && (weight.get(p) ?? 0) > 0);
    newlyReached.forEach((p) => reached.add(p));
    steps.push({ id: site!.id, newlyReached, gain: bestGain });
  }
  return steps;
}

/** Weight of the points a set of sites reaches, each point counted once. */
export function coveredWeight(sites: readonly CoverageCandidate[], weight: ReadonlyMap<string, number>): number {
  const points = new Set(sites.flatMap((s) => s.reaches));
  let sum = 0;
  for (const p of points) sum += weight.get(p) ?? 0;
  return sum;
}

function marginalGain(c: CoverageCandidate, reached: ReadonlySet<string>, weight: ReadonlyMap<string, number>): number {
  let gain = 0;
  for (const p of new Set(c.reaches)) if (!reached.has(p)) gain += weight.get(p) ?? 0;
  return gain;
}
