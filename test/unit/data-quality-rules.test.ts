import { describe, expect, it } from "vitest";
import { dataQuality } from "../../server/quality/data-quality.ts";
import { formatDataQuality } from "../../server/quality/data-quality.text.ts";
import { parentOfCode } from "../../domain/region-code.ts";

const area = (code: string, name = code) => ({ code, name, parentCode: parentOfCode(code) });
const stored = (code: string, hasBoundary: boolean, hasWorkforce: boolean) => ({ code, name: `stored ${code}`, hasBoundary, hasWorkforce });
const codes = (list: { code: string }[]) => list.map((v) => v.code);

describe("data-quality rules", () => {
  const official = [area("35.26.01.1001"), area("35.26.01.1002"), area("35.26.02.2001"), area("35.26.02.2002")];
  const districts = [area("35.26.01", "Bangkalan"), area("35.26.02", "Socah")].map((d) => ({ ...d, parentCode: "35.26" }));
  const report = dataQuality({
    regionCode: "35.26",
    official,
    districts,
    stored: [
      stored("35.26.01.1001", true, true),
      stored("35.26.01.1002", false, true), // listed, never drawn
      stored("35.26.02.2001", true, false), // drawn, no workforce
      stored("35.26.02.2999", true, false), // drawn, no longer in the list
      stored("35.27.01.1001", true, false), // another regency: not reported
    ],
  });

  it.each([
    ["missingBoundaries", ["35.26.01.1002", "35.26.02.2002"]],
    ["unlistedBoundaries", ["35.26.02.2999"]],
    ["missingWorkforce", ["35.26.02.2001", "35.26.02.2002", "35.26.02.2999"]],
  ] as const)("lists %s", (field, expected) => {
    expect(codes(report[field])).toEqual(expected);
  });

  it("counts the region's villages and each district's findings", () => {
    expect(report).toMatchObject({ officialVillages: 4, villagesWithBoundary: 3, villagesWithWorkforce: 2 });
    expect(report.byDistrict).toEqual([
      { code: "35.26.01", name: "Bangkalan", officialVillages: 2, missingBoundaries: 1, unlistedBoundaries: 0, missingWorkforce: 0 },
      { code: "35.26.02", name: "Socah", officialVillages: 2, missingBoundaries: 1, unlistedBoundaries: 1, missingWorkforce: 3 },
    ]);
  });

  it("narrows to a district", () => {
    const district = dataQuality({
      regionCode: "35.26.02",
      official,
      districts,
      stored: [stored("35.26.01.1002", false, false), stored("35.26.02.2001", true, true)],
    });
    expect(codes(district.missingBoundaries)).toEqual(["35.26.02.2002"]);
    expect(district.officialVillages).toBe(2);
    expect(district.byDistrict.map((d) => d.code)).toEqual(["35.26.02"]);
  });

  it("prints as text naming each category", () => {
    const text = formatDataQuality(report, 1);
    expect(text).toMatch(/official villages with no boundary: 2 \(35\.26\.01\.1002 35\.26\.01\.1002, \.\.\. and 1 more\)/);
    expect(text).toMatch(/boundaries not in the official list \(renamed or split\?\): 1 \(35\.26\.02\.2999/);
    expect(text).toMatch(/villages with no workforce data: 3/);
  });
});
