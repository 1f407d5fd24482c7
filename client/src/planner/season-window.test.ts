import { describe, expect, it } from "vitest";
import { nextSeasonWindow } from "./season-window.ts";

const MT1 = "MT I 2025/2026";
const MT2 = "MT II 2026";
const schedules = [
  { season: "MT III 2025", startsOn: "2025-06-02", endsOn: "2025-07-15" },
  { season: MT1, startsOn: "2025-10-27", endsOn: "2025-11-20" },
  { season: MT1, startsOn: "2025-10-20", endsOn: "2025-11-30" },
  { season: MT2, startsOn: "2026-02-02", endsOn: "2026-03-10" },
];

describe("nextSeasonWindow", () => {
  it("spans the first start to the last end of the next season after the data month", () => {
    expect(nextSeasonWindow(schedules, "2025-09")).toEqual({ season: MT1, from: "2025-10-20", to: "2025-11-30" });
  });

  it("keeps a season still running at the end of the data month", () => {
    expect(nextSeasonWindow(schedules, "2025-10")).toEqual({ season: MT1, from: "2025-10-20", to: "2025-11-30" });
    expect(nextSeasonWindow(schedules, "2025-11")).toMatchObject({ season: MT2 });
  });

  it("falls back to the latest season when every season has ended, and to null without schedules", () => {
    expect(nextSeasonWindow(schedules, "2026-06")).toMatchObject({ season: MT2 });
    expect(nextSeasonWindow([], "2025-09")).toBeNull();
  });
});
