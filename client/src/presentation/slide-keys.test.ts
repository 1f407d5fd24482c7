import { describe, expect, it } from "vitest";
import { slideAction, stepSlide } from "./slide-keys.ts";

describe("slideAction", () => {
  it.each([
    ["ArrowRight", false, "next"],
    ["PageDown", false, "next"],
    [" ", false, "next"],
    ["ArrowDown", false, "next"],
    ["ArrowLeft", false, "prev"],
    ["PageUp", false, "prev"],
    [" ", true, "prev"],
    ["ArrowUp", false, "prev"],
    ["Home", false, "first"],
    ["End", false, "last"],
    ["Escape", false, "exit"],
    ["f", false, "fullscreen"],
    ["x", false, null],
    ["Tab", false, null],
  ] as const)("%j (shift %s) is %s", (key, shift, action) => {
    expect(slideAction(key, shift)).toBe(action);
  });
});

describe("stepSlide", () => {
  it("moves one slide and stops at both ends", () => {
    expect(stepSlide(2, "next", 5)).toBe(3);
    expect(stepSlide(5, "next", 5)).toBe(5);
    expect(stepSlide(1, "prev", 5)).toBe(1);
    expect(stepSlide(3, "prev", 5)).toBe(2);
  });
  it("jumps to the first and last slide", () => {
    expect(stepSlide(3, "first", 5)).toBe(1);
    expect(stepSlide(1, "last", 5)).toBe(5);
  });
  it("brings a slide number past the end back in range", () => {
    expect(stepSlide(9, "prev", 5)).toBe(4);
  });
  it("does not move on exit", () => {
    expect(stepSlide(2, "exit", 5)).toBeNull();
  });
});
