import { describe, expect, it } from "vitest";
import type { CoverageNode } from "../types.ts";
import { rankVillages } from "./ranking-list.tsx";

const village = (name: string, coverageRate: number | null, uncovered: number, reliability: string, workforce = 100) =>
  ({ code: name, name, coverageRate, uncovered, workforce, reliability }) as unknown as CoverageNode;

describe("rankVillages", () => {
  const nodes = [
    village("Few", 0, 3, "SMALL_WORKFORCE", 3),
    village("Low", 0.2, 80, "ESTIMATE"),
    village("Lower", 0.1, 90, "COUNT"),
    village("High", 0.9, 10, "ESTIMATE"),
    village("Empty", null, 0, "NO_WORKFORCE", 0),
  ];

  it("puts the lowest reliable rates first and unreliable villages after them", () => {
    expect(rankVillages(nodes, "COVERAGE_RATE").map((n) => n.name)).toEqual(["Lower", "Low", "High", "Few"]);
  });

  it("puts the most uncovered first for the other metrics, leaving out villages without workers", () => {
    expect(rankVillages(nodes, "UNCOVERED").map((n) => n.name)).toEqual(["Lower", "Low", "High", "Few"]);
  });
});
