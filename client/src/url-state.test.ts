import { describe, expect, it } from "vitest";
import { DEFAULT_STATE, parseState, serializeState } from "./url-state.ts";

describe("presentation and region in the URL", () => {
  it("reads ?present=1&region=35.26.01 as the presentation of that district, first view", () => {
    expect(parseState("?present=1&region=35.26.01")).toMatchObject({ present: true, region: "35.26.01", slide: 1 });
  });
  it("writes the view number only while presenting, and reads it back", () => {
    const state = { ...DEFAULT_STATE, present: true, region: "35.26.01.1001", slide: 3 };
    expect(parseState(serializeState(state))).toMatchObject({ present: true, region: "35.26.01.1001", slide: 3 });
    expect(serializeState({ ...state, present: false })).toBe("?region=35.26.01.1001");
  });
  it.each(["35", "35.26", "35.26.01", "35.26.01.1001"])("reads a province, regency, district or village: %s", (region) => {
    expect(parseState(`?region=${region}`).region).toBe(region);
  });
  it.each(["3", "355", "35.26.1", "x", "35.26.01.10", "35.1001", "35.26.1001"])(
    "ignores a region that is no Kemendagri code: %s",
    (region) => {
      expect(parseState(`?region=${region}`).region).toBeNull();
    },
  );
  it("keeps the view number at least 1", () => {
    expect(parseState("?present=1&slide=0").slide).toBe(1);
    expect(parseState("?present=1&slide=abc").slide).toBe(1);
  });
});
