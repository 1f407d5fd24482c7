import { describe, expect, it } from "vitest";
import { coverageCsvUrl } from "./csv-link.ts";

describe("coverageCsvUrl", () => {
  it("passes the view as the coverage query arguments", () => {
    const url = new URL(
      coverageCsvUrl({ level: "VILLAGE", parentCode: "35.26.01", sector: "FARMER", period: "2025-09", target: 0.6, format: "standard" }),
      "http://x",
    );
    expect(url.pathname).toBe("/export/coverage.csv");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      level: "VILLAGE",
      parentCode: "35.26.01",
      sector: "FARMER",
      period: "2025-09",
      target: "0.6",
      orderBy: "COVERAGE_RATE",
      direction: "ASC",
    });
  });
  it("leaves out the sector for all sectors and the period for the latest", () => {
    const url = new URL(
      coverageCsvUrl({ level: "DISTRICT", parentCode: "35.26", sector: null, period: null, target: 0.5, format: "standard" }),
      "http://x",
    );
    expect(url.searchParams.has("sector")).toBe(false);
    expect(url.searchParams.has("period")).toBe(false);
  });
  it("leaves out the region for the nation", () => {
    const url = new URL(
      coverageCsvUrl({ level: "DISTRICT", parentCode: null, sector: null, period: null, target: 0.5, format: "standard" }),
      "http://x",
    );
    expect(url.searchParams.has("parentCode")).toBe(false);
    expect(url.searchParams.get("level")).toBe("DISTRICT");
  });
  it("asks for the Indonesian spreadsheet format when chosen", () => {
    const url = new URL(
      coverageCsvUrl({ level: "VILLAGE", parentCode: "35.26", sector: null, period: null, target: 0.5, format: "excel-id" }),
      "http://x",
    );
    expect(url.searchParams.get("format")).toBe("excel-id");
  });
});
