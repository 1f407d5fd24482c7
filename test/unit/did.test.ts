import { describe, expect, it } from "vitest";
import { differenceInDifferences } from "../../server/outcomes/did.ts";

describe("differenceInDifferences", () => {
  it("takes the comparison villages' change from the reached villages' change, per worker per day, over the reached workforce and days after", () => {
    // Reached: 1,000 workers, 18 enrolled in 180 days before (0.1/day), 12 in 60 days after (0.2/day).
    // Comparison: 2,000 workers, 36 in 180 days (0.2/day), 14 in 60 days (0.2333/day).
    // (0.0002 - 0.0001) - (0.000116667 - 0.0001) = 0.0000833 per worker-day x 1,000 x 60 = 5.
    expect(
      differenceInDifferences({ workforce: 1000, before: 18, after: 12 }, { workforce: 2000, before: 36, after: 14 }, 180, 60),
    ).toBeCloseTo(5, 9);
  });
  it("is zero when both groups change alike, negative when the reached villages fell behind", () => {
    expect(
      differenceInDifferences({ workforce: 100, before: 30, after: 20 }, { workforce: 300, before: 90, after: 60 }, 90, 60),
    ).toBeCloseTo(0, 9);
    expect(
      differenceInDifferences({ workforce: 100, before: 30, after: 0 }, { workforce: 100, before: 30, after: 20 }, 90, 60)!,
    ).toBeLessThan(0);
  });
  it("has no estimate without workforce in a group or without days after", () => {
    expect(differenceInDifferences({ workforce: 0, before: 0, after: 3 }, { workforce: 10, before: 1, after: 1 }, 90, 60)).toBeNull();
    expect(differenceInDifferences({ workforce: 10, before: 0, after: 3 }, { workforce: 0, before: 1, after: 1 }, 90, 60)).toBeNull();
    expect(differenceInDifferences({ workforce: 10, before: 0, after: 0 }, { workforce: 10, before: 1, after: 1 }, 90, 0)).toBeNull();
  });
});
