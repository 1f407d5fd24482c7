import { describe, expect, it } from "vitest";
import { reportScope, targetProgress } from "./report-scope.ts";

describe("reportScope", () => {
  it.each([
    ["", { level: null, scope: null, childLevel: "PROVINCE" }],
    ["35", { level: "PROVINCE", scope: "35", childLevel: "REGENCY" }],
    ["35.26", { level: "REGENCY", scope: "35.26", childLevel: "DISTRICT" }],
    ["35.26.01", { level: "DISTRICT", scope: "35.26.01", childLevel: "VILLAGE" }],
    ["35.26.01.1001", { level: "VILLAGE", scope: "35.26.01", childLevel: "VILLAGE" }],
  ])("%s lists %o", (code, expected) => {
    expect(reportScope(code)).toEqual(expected);
  });
});

describe("targetProgress", () => {
  it("counts the workers still to enrol below the target", () => {
    expect(targetProgress(400, 1000, 0.5)).toEqual({ share: 0.8, reached: false, toEnrol: 100 });
  });
  it("rounds the workers to enrol up", () => {
    expect(targetProgress(0, 3, 0.5).toEnrol).toBe(2);
  });
  it("is reached at or above the target, the share capped at 1", () => {
    expect(targetProgress(600, 1000, 0.5)).toEqual({ share: 1, reached: true, toEnrol: 0 });
    expect(targetProgress(500, 1000, 0.5).reached).toBe(true);
  });
  it("has nothing to enrol without workers", () => {
    expect(targetProgress(0, 0, 0.5)).toEqual({ share: 0, reached: true, toEnrol: 0 });
  });
});
