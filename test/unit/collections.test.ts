import { describe, expect, it } from "vitest";
import { keepUnlessFails } from "../../server/common/collections.ts";
import { PerDataVersion } from "../../server/cache/data-version.ts";

describe("keepUnlessFails", () => {
  it("computes once for callers asking at once and later", async () => {
    const kept = new Map<string, Promise<number>>();
    let runs = 0;
    const compute = async () => ++runs;
    const [a, b] = await Promise.all([keepUnlessFails(kept, "k", compute), keepUnlessFails(kept, "k", compute)]);
    expect([a, b, await keepUnlessFails(kept, "k", compute)]).toEqual([1, 1, 1]);
    expect(runs).toBe(1);
  });

  it("does not keep a failure: the next call computes again", async () => {
    const kept = new Map<string, Promise<number>>();
    await expect(keepUnlessFails(kept, "k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await Promise.resolve(); // the failure's handler has run
    expect(kept.has("k")).toBe(false);
    await expect(keepUnlessFails(kept, "k", async () => 2)).resolves.toBe(2);
  });
});

describe("PerDataVersion", () => {
  it("keeps one value per owner for as long as the version holds, and drops a failed one", async () => {
    const values = new PerDataVersion<string>();
    const owner = {};
    let runs = 0;
    const compute = (v: string) => async () => `${v}:${++runs}`;
    expect(await values.get(owner, "1", compute("1"))).toBe("1:1");
    expect(await values.get(owner, "1", compute("1"))).toBe("1:1");
    expect(await values.get(owner, "2", compute("2"))).toBe("2:2");
    expect(await values.get({}, "2", compute("2")), "another owner").toBe("2:3");
    await expect(values.get(owner, "3", () => Promise.reject(new Error("down")))).rejects.toThrow();
    await Promise.resolve();
    expect(await values.get(owner, "3", compute("3"))).toBe("3:4");
  });
});
