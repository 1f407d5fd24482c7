import { describe, expect, it } from "vitest";
import {
  commonRegion,
  LEVEL_CODE_LENGTH,
  SQL_BELOW_REGION,
  SQL_IN_REGION,
  ancestorAt,
  childLevel,
  isBelowRegion,
  isInRegion,
  levelOfCode,
  parentOfCode,
} from "./region-code.ts";

describe("region codes", () => {
  it.each([
    ["35", "PROVINCE"],
    ["35.26", "REGENCY"],
    ["35.26.01", "DISTRICT"],
    ["35.26.01.1001", "VILLAGE"],
    ["35.26.1", null],
    ["3526", null],
    ["35.26.01.1001.1", null],
  ])("%s is a %s", (code, level) => {
    expect(levelOfCode(code)).toBe(level);
  });

  it("knows each level's code length, parent and child level", () => {
    expect(LEVEL_CODE_LENGTH).toEqual({ PROVINCE: 2, REGENCY: 5, DISTRICT: 8, VILLAGE: 13 });
    expect(parentOfCode("35.26.01.1001")).toBe("35.26.01");
    expect(parentOfCode("35.26")).toBe("35");
    expect(parentOfCode("35")).toBeNull();
    expect(childLevel("REGENCY")).toBe("DISTRICT");
    expect(childLevel("VILLAGE")).toBeNull();
  });

  it("finds the ancestor at a level, or none above the code", () => {
    expect(ancestorAt("35.26.01.1001", "REGENCY")).toBe("35.26");
    expect(ancestorAt("35.26.01.1001", "PROVINCE")).toBe("35");
    expect(ancestorAt("35.26.01", "DISTRICT")).toBe("35.26.01");
    expect(ancestorAt("35.26", "DISTRICT")).toBeNull();
  });

  it("takes the codes inside a region, not a code that merely starts alike", () => {
    expect(isInRegion("35.26.01.1001", "35.26.01")).toBe(true);
    expect(isInRegion("35.26.01.1001", "35.26")).toBe(true);
    expect(isInRegion("35.26.01.1001", "35.26.01.1001")).toBe(true);
    expect(isInRegion("35.26.10", "35.26.1")).toBe(false);
    expect(isInRegion("35.26.10.2001", "35.26.1")).toBe(false);
    expect(isBelowRegion("35.26.01", "35.26.01")).toBe(false);
    expect(isBelowRegion("35.26.01.1001", "35.26.01")).toBe(true);
  });

  it("writes the same predicate in SQL, with the dot", () => {
    expect(SQL_IN_REGION("code", "$1")).toBe("(code = $1 OR code LIKE $1 || '.%')");
    expect(SQL_BELOW_REGION("v.code", "$2")).toBe("v.code LIKE $2 || '.%'");
  });

  it("finds the smallest region holding codes: a regency, a province, or none across provinces", () => {
    expect(commonRegion(["35.26"])).toBe("35.26");
    expect(commonRegion(["35.26", "35.26"])).toBe("35.26");
    expect(commonRegion(["35.26.01", "35.26.02.2001"])).toBe("35.26");
    expect(commonRegion(["35.26", "35.01"])).toBe("35");
    expect(commonRegion(["35.26.10", "35.26.1"])).toBe("35.26");
    expect(commonRegion(["35.26", "63.01"])).toBeNull();
    expect(commonRegion([])).toBeNull();
  });
});
