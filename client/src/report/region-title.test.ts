import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { dataSourceLines, placeTitle, regionTitle } from "./region-title.ts";

/** A stand-in for i18next's t: the key and its values, so the rules show through. */
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key}(${Object.values(values).join(",")})` : key) as unknown as TFunction;

describe("regionTitle", () => {
  it.each([
    [{ name: "Bangkalan", level: "REGENCY", parent: null }, "regionTitle.REGENCY(Bangkalan)"],
    [{ name: "Blega", level: "DISTRICT", parent: { code: "35.26", name: "Bangkalan" } }, "regionTitle.DISTRICT(Blega)"],
    [{ name: "Jawa Timur", level: "PROVINCE", parent: null }, "regionTitle.PROVINCE(Jawa Timur)"],
    [{ name: "Kota Batu", level: "REGENCY", parent: { code: "35", name: "Jawa Timur" } }, "Kota Batu"],
    [
      { name: "Mlajah", level: "VILLAGE", parent: { code: "35.26.01", name: "Bangkalan" } },
      "regionTitle.VILLAGE(Mlajah), regionTitle.DISTRICT(Bangkalan)",
    ],
  ])("names %o as %s", (region, title) => {
    expect(regionTitle(region, t)).toBe(title);
  });
  it("is empty before the region is loaded", () => {
    expect(regionTitle(undefined, t)).toBe("");
  });
  it("names the nation (no region) as such", () => {
    expect(regionTitle(null, t)).toBe("nation");
  });
});

describe("dataSourceLines", () => {
  const info = {
    regencyCode: "35.26",
    regencyName: "Bangkalan",
    latestPeriod: "2025-09",
    basemapUrl: null,
    synthetic: true,
    boundariesSynthetic: false,
    boundarySource: "/data/bangkalan/villages.geojson",
    mutationsEnabled: true,
    minCellSize: 5,
    root: { code: "35.26", name: "Bangkalan", level: "REGENCY" },
    provinces: [{ code: "35", name: "Jawa Timur" }],
    regencies: [{ code: "35.26", name: "Bangkalan" }],
    tileUrl: "/tiles/{level}/{z}/{x}/{y}.pbf?v=1",
  };
  it("says synthetic worker numbers first, and names the boundary file without its folder", () => {
    expect(dataSourceLines(info, t)).toEqual(["source.synthetic", "source.boundaries(villages.geojson)"]);
  });
  it("says imported numbers and generated boundaries", () => {
    expect(dataSourceLines({ ...info, synthetic: false, boundariesSynthetic: true }, t)).toEqual([
      "source.imported",
      "source.boundariesSynthetic",
    ]);
  });
});

describe("placeTitle", () => {
  it("titles a region by its level", () => {
    expect(placeTitle("PROVINCE", "Jawa Timur", t)).toBe("regionTitle.PROVINCE(Jawa Timur)");
    expect(placeTitle("REGENCY", "Bangkalan", t)).toBe("regionTitle.REGENCY(Bangkalan)");
  });
  it("keeps a name that already says what it is, and a name without a level", () => {
    expect(placeTitle("REGENCY", "Kota Batu", t)).toBe("Kota Batu");
    expect(placeTitle("REGENCY", "KABUPATEN MALANG", t)).toBe("KABUPATEN MALANG");
    expect(placeTitle(null, "Indonesia", t)).toBe("Indonesia");
  });
});
