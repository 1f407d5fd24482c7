import { describe, expect, it } from "vitest";
import {
  ANONYMOUS_NONE,
  ANONYMOUS_VIEWER,
  BOOTSTRAP_ADMIN,
  can,
  Capability,
  MATRIX,
  rolesWith,
  ROLES,
  seesUnsuppressedCounts,
  type Viewer,
} from "../../server/people/roles.ts";
import { insideAny, RegionScope } from "../../server/people/region-scope.ts";

const user = (role: Viewer["role"], regions: string[] = []): Viewer => ({ kind: "session", role, name: "x", regions });

describe("the role matrix", () => {
  it("gives each role exactly its capabilities, each a superset of the viewer's", () => {
    const table = Object.fromEntries(ROLES.map((r) => [r, Object.values(Capability).filter((c) => can(user(r), c))]));
    expect(table).toEqual({
      viewer: ["read"],
      planner: ["read", "plan", "edit-plans"],
      analyst: ["read", "plan"],
      admin: ["read", "plan", "edit-plans", "import", "administer"],
    });
    for (const role of ROLES) expect(MATRIX[role]).toContain(Capability.READ);
  });

  it("lets anonymous requests read only with ANONYMOUS_ACCESS=viewer, and the bootstrap token do everything", () => {
    for (const c of Object.values(Capability)) {
      expect(can(ANONYMOUS_NONE, c)).toBe(false);
      expect(can(ANONYMOUS_VIEWER, c)).toBe(c === Capability.READ);
      expect(can(BOOTSTRAP_ADMIN, c)).toBe(true);
    }
  });

  it("names the roles holding a capability", () => {
    expect(rolesWith(Capability.EDIT_PLANS)).toBe("planner or admin");
    expect(rolesWith(Capability.PLAN)).toBe("planner, analyst or admin");
    expect(rolesWith(Capability.IMPORT)).toBe("admin");
  });

  it("shows unsuppressed counts to admins always, to analysts only when the setting says so, to nobody else", () => {
    for (const setting of [false, true]) {
      const config = { ANALYSTS_SEE_UNSUPPRESSED: setting };
      expect(seesUnsuppressedCounts(user("admin"), config)).toBe(true);
      expect(seesUnsuppressedCounts(BOOTSTRAP_ADMIN, config)).toBe(true);
      expect(seesUnsuppressedCounts(user("analyst"), config)).toBe(setting);
      for (const v of [user("viewer"), user("planner", ["35.26"]), ANONYMOUS_VIEWER, ANONYMOUS_NONE])
        expect(seesUnsuppressedCounts(v, config)).toBe(false);
    }
  });
});

describe("a planner's region scope", () => {
  it("holds a region and everything inside it, nothing that only shares a prefix", () => {
    expect(insideAny("35.26.05.2013", ["35.26.05"])).toBe(true);
    expect(insideAny("35.26.05", ["35.26.05"])).toBe(true);
    expect(insideAny("35.26", ["35.26.05"])).toBe(false);
    expect(insideAny("35.26.051", ["35.26.05"])).toBe(false);
    expect(insideAny("35.26.01.1001", ["35.26.05", "35.26.01.1001"])).toBe(true);
  });

  it("refuses outside the regions naming the region, and the whole data; never limits other roles", () => {
    const planner = RegionScope.of(user("planner", ["35.26.05"]));
    expect(() => planner.require("35.26.05.2013", "input.villageCode")).not.toThrow();
    expect(() => planner.require("35.26.01.1001", "input.villageCode")).toThrow(
      /region 35\.26\.01\.1001 is outside your regions \(35\.26\.05\)/,
    );
    expect(() => planner.require(null, "input.regionCode")).toThrow(/must name a region/);
    for (const role of ["viewer", "analyst", "admin"] as const) expect(() => RegionScope.of(user(role)).require(null, "x")).not.toThrow();
  });
});
