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
  it("spans the first start to the last end of the next season from today", () => {
    expect(nextSeasonWindow(schedules, "2025-09-14")).toEqual({ season: MT1, from: "2025-10-20", to: "2025-11-30", ended: false });
  });

  it("keeps a season still running today, and moves on the day after it ends", () => {
    expect(nextSeasonWindow(schedules, "2025-11-30")).toMatchObject({ season: MT1, ended: false });
    expect(nextSeasonWindow(schedules, "2025-12-01")).toMatchObject({ season: MT2, ended: false });
  });

  it("gives the latest season, marked ended, when every season is past, and null without schedules", () => {
    expect(nextSeasonWindow(schedules, "2026-06-01")).toMatchObject({ season: MT2, ended: true });
    expect(nextSeasonWindow([], "2025-09-01")).toBeNull();
  });
});
