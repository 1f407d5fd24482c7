import { describe, expect, it } from "vitest";
import { workersToReach } from "../../server/planner/plan.ts";

describe("workersToReach", () => {
  const g = { uncovered: 40, lapsed: 7, endingSoon: 12 };
  it("counts the uncovered alone by default, the lapsed once among them, ending soon on top", () => {
    expect(workersToReach(g, ["UNCOVERED"])).toBe(40);
    expect(workersToReach(g, ["UNCOVERED", "LAPSED"])).toBe(40);
    expect(workersToReach(g, ["LAPSED"])).toBe(7);
    expect(workersToReach(g, ["ENDING_SOON"])).toBe(12);
    expect(workersToReach(g, ["LAPSED", "ENDING_SOON"])).toBe(19);
    expect(workersToReach(g, ["UNCOVERED", "LAPSED", "ENDING_SOON"])).toBe(52);
  });
  it("never counts more lapsed than are uncovered (a workforce estimate below the lapsed)", () => {
    expect(workersToReach({ uncovered: 3, lapsed: 7, endingSoon: 0 }, ["LAPSED"])).toBe(3);
  });
});
