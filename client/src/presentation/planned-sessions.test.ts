import { describe, expect, it } from "vitest";
import type { OutreachSession } from "../village-panel/sessions-list.tsx";
import { plannedSessions } from "./planned-sessions.tsx";

let ids = 0;
const session = (title: string, status: OutreachSession["status"], startsOn: string, villageCode = "35.26.01.1001"): OutreachSession => ({
  id: ++ids,
  title,
  status,
  startsOn,
  endsOn: startsOn,
  villageCode,
  villageName: "",
  targetSectors: [],
  attendance: null,
  enrollmentsAttributed: 0,
  suppressed: false,
});

describe("plannedSessions", () => {
  const all = [
    session("later", "PLANNED", "2026-12-20"),
    session("soon", "PLANNED", "2026-12-01"),
    session("past", "PLANNED", "2026-10-01"),
    session("held", "HELD", "2026-12-05"),
    session("elsewhere", "PLANNED", "2026-12-02", "35.26.15.2001"),
  ];
  it("keeps the region’s upcoming planned sessions, soonest first", () => {
    expect(plannedSessions(all, "35.26.01", "2026-11-24")).toEqual({ sessions: [all[1], all[0]], overdue: false });
  });
  it("falls back to planned sessions whose date has passed, flagged as overdue", () => {
    expect(plannedSessions(all, "35.26.01", "2027-01-01")).toEqual({ sessions: [all[2], all[1], all[0]], overdue: true });
  });
  it("has nothing, not overdue, without planned sessions in the region", () => {
    expect(plannedSessions(all, "35.26.18", "2026-11-24")).toEqual({ sessions: [], overdue: false });
  });
});
