import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config.ts";

describe("configuration", () => {
  it("uses the defaults when nothing is set", () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(4000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.DEMO_REGENCY).toBe("35.26");
  });

  it("names every wrong variable in one message", () => {
    expect(() => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", NIK_HASH_KEY: "short" })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", NIK_HASH_KEY: "short" });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
      expect(message).toMatch(/NIK_HASH_KEY: must be at least 32 characters/);
      expect(message).not.toContain("short");
    }
  });

  it("refuses a port out of range and a malformed regency code", () => {
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT: must be 1-65535/);
    expect(() => loadConfig({ DEMO_REGENCY: "3526" })).toThrow(/DEMO_REGENCY: must be a regency code like 35.26/);
  });
});
