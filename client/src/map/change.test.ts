import { describe, expect, it } from "vitest";
import type { CoverageNode } from "../types.ts";
import { changeNodes, classifyChange } from "./change.ts";

const node = (code: string, coverageRate: number | null, reliability: CoverageNode["reliability"] = "ESTIMATE") =>
  ({ code, name: code, coverageRate, reliability, workforce: 100, uncovered: 10 }) as CoverageNode;

describe("the change map", () => {
  it("gives each village its rate now minus then, as reliable as the weaker figure", () => {
    const then = new Map([
      ["a", node("a", 0.4)],
      ["b", node("b", 0.5, "SMALL_WORKFORCE")],
    ]);
    const [a, b, c] = changeNodes([node("a", 0.45), node("b", 0.3), node("c", 0.2)], then, "COVERAGE_RATE");
    expect(a!.coverageRate).toBeCloseTo(0.05, 12);
    expect(a!.reliability).toBe("ESTIMATE");
    expect(b!.coverageRate).toBeCloseTo(-0.2, 12);
    expect(b!.reliability).toBe("SMALL_WORKFORCE");
    expect(c!.coverageRate).toBeNull();
  });

  it("classes are symmetric around zero in round steps, blue for better and red for worse", () => {
    const c = classifyChange([-0.2, 0.05, 0.13, null], "COVERAGE_RATE");
    expect(c.edges).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(c.counts).toEqual([0, 1, 0, 1, 1, 0]);
    expect(c.noData).toBe(1);
    // Rates: the last (highest) class is blue; for uncovered workers a rise is red.
    expect(c.colors.at(-1)).toMatch(/^#[0-4]/);
    const u = classifyChange([-30, 40], "UNCOVERED");
    expect(u.colors[0]).toBe(c.colors.at(-1));
  });
});
