import { describe, expect, it } from "vitest";
import { toPlanInput } from "./plan-input.ts";
import { DEFAULT_PLAN } from "./plan-state.ts";

const season = { season: "MT I 2025/2026", from: "2025-10-20", to: "2025-12-07", ended: false };

describe("toPlanInput", () => {
  it("fills an empty date window from the season and plans from the month and within the region on the map", () => {
    expect(toPlanInput(DEFAULT_PLAN, season, "2025-06", "35.26.05")).toMatchObject({
      from: "2025-10-20",
      to: "2025-12-07",
      period: "2025-06",
      sectors: ["FARMER"],
      regionCode: "35.26.05",
    });
  });

  it("keeps the form's own dates over the season's", () => {
    const input = toPlanInput({ ...DEFAULT_PLAN, from: "2026-02-01", to: null }, season, null, null);
    expect(input).toMatchObject({ from: "2026-02-01", to: "2025-12-07", period: null, regionCode: null });
  });
});
