import { describe, expect, it } from "vitest";
import { axisMax } from "./trend-chart.tsx";

describe("axisMax", () => {
  it.each([
    [[0.12, 0.43, null], null, 0.5],
    [[0.12, 0.43], 0.6, 0.6],
    [[0.5, 0.958], 0.5, 1],
    [[0.5, 1], 0.5, 1],
    [[0.12, 0.2], 0.22, 0.25],
    [[12_000, 28_229], null, 30_000],
    [[null, null], null, 1],
  ] as const)("of %j with target %s is %s", (values, target, max) => {
    expect(axisMax(values, target)).toBe(max);
  });
});
