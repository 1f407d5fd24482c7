import { randomLcg } from "d3-random";
import { describe, expect, it } from "vitest";
import { coveredWeight, greedyMaxCoverage } from "../../server/planner/greedy.ts";
import { GUARANTEE, bestNextGain, bruteForceOptimum } from "../support/brute-force.ts";

describe("greedy maximum coverage", () => {
  it("takes the best next site at every step, and reaches at least 1 - 1/e of the brute-force optimum on random small instances", () => {
    const random = randomLcg(42);
    let ratioMin = 1;
    for (let instance = 0; instance < 200; instance++) {
      const points = Array.from({ length: 6 + Math.floor(random() * 10) }, (_, i) => `v${i}`);
      const weight = new Map(points.map((p) => [p, Math.floor(random() * 100)]));
      const candidates = Array.from({ length: 4 + Math.floor(random() * 7) }, (_, i) => ({
        id: `c${String(i).padStart(2, "0")}`,
        reaches: points.filter(() => random() < 0.3),
      }));
      const k = 1 + Math.floor(random() * 4);
      const greedy = greedyMaxCoverage(candidates, weight, { k });
      const chosen = greedy.map((s) => candidates.find((c) => c.id === s.id)!);
      const reached = coveredWeight(chosen, weight);
      expect(greedy.reduce((sum, s) => sum + s.gain, 0)).toBe(reached); // gains add up: nothing counted twice
      // every step takes a best next site, and greedy stops early only when no site adds anything
      greedy.forEach((step, i) => expect(step.gain).toBe(bestNextGain(candidates, chosen.slice(0, i), weight)));
      if (greedy.length < k) expect(bestNextGain(candidates, chosen, weight)).toBe(0);
      const optimum = bruteForceOptimum(candidates, weight, k);
      expect(reached).toBeLessThanOrEqual(optimum);
      expect(reached).toBeGreaterThanOrEqual(GUARANTEE * optimum);
      if (optimum > 0) ratioMin = Math.min(ratioMin, reached / optimum);
    }
    expect(ratioMin).toBeGreaterThanOrEqual(GUARANTEE);
  });

  it("is not always optimal: on the classic bad case it takes the big site first", () => {
    const weight = new Map([
      ["a", 2],
      ["b", 2],
      ["c", 2],
      ["d", 2],
      ["e", 1],
      ["f", 1],
    ]);
    const candidates = [
      { id: "big", reaches: ["b", "c", "e", "f"] },
      { id: "left", reaches: ["a", "b", "e"] },
      { id: "right", reaches: ["c", "d", "f"] },
    ];
    const greedy = greedyMaxCoverage(candidates, weight, { k: 2 });
    expect(greedy[0]!.id).toBe("big");
    expect(
      coveredWeight(
        greedy.map((s) => candidates.find((c) => c.id === s.id)!),
        weight,
      ),
    ).toBe(8);
    expect(bruteForceOptimum(candidates, weight, 2)).toBe(10);
  });
});
