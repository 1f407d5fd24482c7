import { describe, expect, it } from "vitest";
import { scaleBar } from "./scale-bar.ts";

describe("scaleBar", () => {
  it.each([
    [50, 120, 5000],
    [10, 120, 1000],
    [30, 120, 2500],
    [18, 120, 2000],
    [1.3, 100, 100],
  ])("at %s m/px and %s px at most: %s m", (mpp, max, meters) => {
    const bar = scaleBar(mpp, max);
    expect(bar.meters).toBe(meters);
    expect(bar.pixels).toBeLessThanOrEqual(max);
    expect(bar.pixels).toBeCloseTo(meters / mpp);
  });
});
