import { describe, expect, it } from "vitest";
import { classIndex, classify, clampClasses, colorOf, computeBreaks, NO_DATA_COLOR, paletteColors } from "./classify.ts";

const values = [1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 40, 80, 100];

describe("computeBreaks", () => {
  it("equal intervals split the range evenly", () => {
    expect(computeBreaks([0, 10, 5], "equal", 5)).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it("quantiles put about the same number of values in each class", () => {
    const data = Array.from({ length: 100 }, (_, i) => i + 1);
    const edges = computeBreaks(data, "quantile", 4);
    expect(edges).toHaveLength(5);
    const c = classify(data, { method: "quantile", classes: 4, palette: "Blues", lowIsBad: false });
    for (const n of c.counts) expect(n).toBeGreaterThanOrEqual(24);
  });

  it("natural breaks find the gaps between clusters", () => {
    const data = [1, 1.1, 1.2, 10, 10.5, 11, 50, 51, 52];
    expect(computeBreaks(data, "jenks", 3)).toEqual([1, 10, 50, 52]);
  });

  it("pretty breaks are round numbers that cover the data", () => {
    const edges = computeBreaks([3, 17, 42, 97], "pretty", 5);
    expect(edges[0]).toBeLessThanOrEqual(3);
    expect(edges.at(-1)).toBeGreaterThanOrEqual(97);
    for (const e of edges) expect(e % 20).toBe(0);
  });

  it("standard deviations centre on the mean", () => {
    const data = [0, 10, 20, 30, 40, 50, 60];
    const edges = computeBreaks(data, "stddev", 4);
    expect(edges).toHaveLength(5);
    expect(edges[2]).toBeCloseTo(30);
    expect(edges[0]).toBe(0);
    expect(edges[4]).toBe(60);
  });

  it("manual breaks are sorted and wrapped in the data range", () => {
    expect(computeBreaks(values, "manual", 3, [50, 10])).toEqual([1, 10, 50, 100]);
  });

  it("is monotonic for every method", () => {
    for (const m of ["quantile", "equal", "jenks", "pretty", "stddev"] as const) {
      for (let k = 3; k <= 9; k++) {
        const e = computeBreaks(values, m, k);
        for (let i = 1; i < e.length; i++) expect(e[i]).toBeGreaterThanOrEqual(e[i - 1]!);
      }
    }
  });

  it("handles empty and constant data", () => {
    expect(computeBreaks([], "quantile", 5)).toEqual([]);
    expect(computeBreaks([4, 4, 4], "jenks", 5)).toEqual([4, 4]);
  });
});

describe("classify", () => {
  it("counts no-data separately and colours it grey", () => {
    const c = classify([null, 1, 2, 3, null, 4, 5, 6], { method: "equal", classes: 3, palette: "YlOrRd", lowIsBad: false });
    expect(c.noData).toBe(2);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(6);
    expect(colorOf(null, c)).toBe(NO_DATA_COLOR);
  });

  it("puts the strongest colour on low values when low is bad", () => {
    const c = classify([0.1, 0.5, 0.9], { method: "equal", classes: 3, palette: "YlOrRd", lowIsBad: true });
    expect(colorOf(0.1, c)).toBe(paletteColors("YlOrRd", 3).at(-1));
    expect(colorOf(0.9, c)).toBe(paletteColors("YlOrRd", 3)[0]);
  });

  it("the maximum falls in the last class", () => {
    expect(classIndex(10, [0, 5, 10])).toBe(1);
    expect(classIndex(5, [0, 5, 10])).toBe(1);
    expect(classIndex(0, [0, 5, 10])).toBe(0);
    expect(classIndex(null, [0, 5, 10])).toBe(-1);
  });

  it("keeps the class count between 3 and 9", () => {
    expect(clampClasses(1)).toBe(3);
    expect(clampClasses(12)).toBe(9);
    expect(paletteColors("PuBuGn", 7)).toHaveLength(7);
  });
});
