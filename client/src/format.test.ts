import { describe, expect, it } from "vitest";
import { parseLocaleNumber } from "./format.ts";

describe("numbers typed in the UI language's convention", () => {
  it.each([
    ["100.000.000", 100_000_000],
    ["100000000", 100_000_000],
    ["Rp 100.000.000", 100_000_000],
    ["Rp100.000.000", 100_000_000],
    ["16.800", 16_800],
    ["12,5", 12.5],
    ["1.234,5", 1234.5],
    ["45 %", 45],
  ])("Indonesian: %s is %d", (text, value) => {
    expect(parseLocaleNumber(text, "id")).toEqual({ value });
  });
  it.each([
    ["100,000,000", 100_000_000],
    ["IDR 100,000,000", 100_000_000],
    ["12.5", 12.5],
    ["1,234.5", 1234.5],
  ])("English: %s is %d", (text, value) => {
    expect(parseLocaleNumber(text, "en")).toEqual({ value });
  });
  it.each([
    ["1.5", "id"],
    ["100.00.000", "id"],
    ["100,000,000", "id"],
    ["100.000.000", "en"],
    ["1,5", "en"],
  ] as const)("refuses %s in %s as ambiguous rather than guessing", (text, lang) => {
    expect(parseLocaleNumber(text, lang)).toEqual({ error: "ambiguous" });
  });
  it.each(["", "abc", "12a", "Rp", "20 40"])("refuses %j as not a number", (text) => {
    expect(parseLocaleNumber(text, "id")).toEqual({ error: "notANumber" });
  });
});
