import { describe, expect, it } from "vitest";
import { formatBreaks, parseBreaks } from "./manual-breaks-parse.ts";

describe("manual class breaks as typed", () => {
  it("reads coverage breaks as percentages and keeps them as fractions", () => {
    expect(parseBreaks("25; 50; 75", "COVERAGE_RATE", "id")).toEqual({ breaks: [0.25, 0.5, 0.75] });
    expect(parseBreaks("75%;12,5 ; 50", "COVERAGE_RATE", "id")).toEqual({ breaks: [0.125, 0.5, 0.75] });
    expect(parseBreaks("12.5; 50", "COVERAGE_RATE", "en")).toEqual({ breaks: [0.125, 0.5] });
    expect(formatBreaks([0.125, 0.5, 0.75], "COVERAGE_RATE", "id")).toBe("12,5; 50; 75");
  });
  it("reads counts as they are, thousands in the language's convention", () => {
    expect(parseBreaks("100; 1.000; 250", "UNCOVERED", "id")).toEqual({ breaks: [100, 250, 1000] });
    expect(formatBreaks([100, 1000], "UNCOVERED", "en")).toBe("100; 1,000");
  });
  it("refuses percentages outside 0–100, negatives, words, repeats and too many breaks", () => {
    expect(parseBreaks("25; 250", "COVERAGE_RATE", "id")).toEqual({ error: "notAPercent", value: "250" });
    expect(parseBreaks("-5", "UNCOVERED", "id")).toEqual({ error: "negative", value: "-5" });
    expect(parseBreaks("20; abc", "COVERAGE_RATE", "id")).toEqual({ error: "notANumber", value: "abc" });
    expect(parseBreaks("20 40", "COVERAGE_RATE", "id")).toEqual({ error: "notANumber", value: "20 40" });
    expect(parseBreaks("20; 20", "COVERAGE_RATE", "id")).toEqual({ error: "duplicate", value: "20" });
    expect(parseBreaks("1;2;3;4;5;6;7;8;9", "UNCOVERED", "id")).toEqual({ error: "tooMany", max: 8 });
  });
});
