// The server-made field sheet speaks with the client's catalogue (client/src/i18n/).
import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { en } from "../../client/src/i18n/en.ts";
import { id } from "../../client/src/i18n/id.ts";
import { fieldSheetHtml } from "../../server/export/plan-export.ts";
import type { SavedPlan } from "../../server/planner/planner.types.ts";

const village = { code: "35.26.01.1001", name: "Desa Satu", districtCode: "35.26.01", districtName: "Kamal" };
const saved = {
  id: 1,
  name: "MT I",
  createdAt: "2025-10-01T00:00:00Z",
  sessionCount: 0,
  plan: {
    parameters: { sectors: ["FARMER", "FISHER"] },
    sites: [
      {
        order: 1,
        name: "Kios Pupuk Satu",
        villageName: "Desa Satu",
        districtName: "Kamal",
        lat: -7.1,
        lon: 112.7,
        date: null,
        expectedEnrollments: 12,
        uncoveredReached: 48,
        villages: [{ ...village, uncovered: 48, distanceMeters: 1200, expectedEnrollments: 12 }],
      },
    ],
  },
} as unknown as SavedPlan;

describe("the plan field sheet", () => {
  it.each([
    ["id", id],
    ["en", en],
  ] as const)("in %s takes its words from the client's catalogue", (lang, messages) => {
    const html = fieldSheetHtml(saved, lang);
    for (const key of ["fieldSheet.title", "fieldSheet.place", "fieldSheet.noDate", "fieldSheet.attended", "planner.sectors"] as const)
      expect(html).toContain(messages[key]);
    expect(html).toContain(`${messages["sector.FARMER"]}, ${messages["sector.FISHER"]}`);
    expect(html).toContain(messages["fieldSheet.session"].replace("{{n}}", "1").replace("{{total}}", "1"));
  });
});
