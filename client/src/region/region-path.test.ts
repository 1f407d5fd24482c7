import { describe, expect, it } from "vitest";
import { regionPath, viewedRegion } from "./region-path.ts";

describe("regionPath: the breadcrumbs from the root region down", () => {
  it("a regency root and one of its districts", () => {
    expect(regionPath("35.26", "35.26.01")).toEqual(["35.26", "35.26.01"]);
  });
  it("a province root down to a village, every level between", () => {
    expect(regionPath("35", "35.26.01.1001")).toEqual(["35", "35.26", "35.26.01", "35.26.01.1001"]);
  });
  it("the nation (no root code) down to a district", () => {
    expect(regionPath(null, "35.26.01")).toEqual(["35", "35.26", "35.26.01"]);
  });
  it("no region, the root itself, or a region outside the root: the root alone", () => {
    expect(regionPath("35.26", null)).toEqual(["35.26"]);
    expect(regionPath("35.26", "35.26")).toEqual(["35.26"]);
    expect(regionPath("35.26", "35.27.01")).toEqual(["35.26"]);
    expect(regionPath("35.26", "35.260")).toEqual(["35.26"]);
  });
});

describe("viewedRegion", () => {
  it("a village is shown among the villages of its district; other regions are shown themselves", () => {
    expect(viewedRegion("35.26.01.1001")).toBe("35.26.01");
    expect(viewedRegion("35.26.01")).toBe("35.26.01");
    expect(viewedRegion("35.26")).toBe("35.26");
    expect(viewedRegion("35")).toBe("35");
  });
});
