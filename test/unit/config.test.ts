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

  it("reads MIN_CELL_SIZE as a whole number of at least 1 (default 5), naming it when wrong", () => {
    expect(loadConfig({}).MIN_CELL_SIZE).toBe(5);
    expect(loadConfig({ MIN_CELL_SIZE: "1" }).MIN_CELL_SIZE).toBe(1);
    expect(() => loadConfig({ MIN_CELL_SIZE: "0" })).toThrow(/MIN_CELL_SIZE: must be at least 1 \(1 turns suppression off\)/);
    expect(() => loadConfig({ MIN_CELL_SIZE: "2.5" })).toThrow(/MIN_CELL_SIZE: must be a whole number/);
    expect(() => loadConfig({ MIN_CELL_SIZE: "few" })).toThrow(/MIN_CELL_SIZE/);
  });

  it("refuses a port out of range and a malformed regency code", () => {
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT: must be 1-65535/);
    expect(() => loadConfig({ DEMO_REGENCY: "3526" })).toThrow(/DEMO_REGENCY: must be a regency code like 35.26/);
  });
});

describe("configuration for more than one process", () => {
  it("requires NIK_HASH_KEY in production on a server database, not embedded nor outside production", () => {
    const server = { DATABASE_URL: "postgresql://app@db:5432/cakupan" };
    expect(() => loadConfig({ ...server, NODE_ENV: "production" })).toThrow(/NIK_HASH_KEY: required in production on a server database/);
    expect(() => loadConfig({ ...server, NODE_ENV: "production", NIK_HASH_KEY: "k".repeat(32) })).not.toThrow();
    expect(() => loadConfig({ NODE_ENV: "production" })).not.toThrow();
    expect(() => loadConfig(server)).not.toThrow();
  });

  it("reads replica URLs as a comma-separated list, and refuses them without DATABASE_URL or when malformed", () => {
    const c = loadConfig({ DATABASE_URL: "postgresql://p/db", DATABASE_REPLICA_URLS: "postgresql://r1/db, postgresql://r2/db" });
    expect(c.DATABASE_REPLICA_URLS).toEqual(["postgresql://r1/db", "postgresql://r2/db"]);
    expect(loadConfig({}).DATABASE_REPLICA_URLS).toEqual([]);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: "postgresql://r1/db" })).toThrow(/DATABASE_REPLICA_URLS: needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: "postgresql://p/db", DATABASE_REPLICA_URLS: "r1:5432" })).toThrow(
      /DATABASE_REPLICA_URLS.0: must be postgresql:\/\/ URLs/,
    );
    expect(() => loadConfig({ REDIS_URL: "127.0.0.1:6379" })).toThrow(/REDIS_URL: must be a redis:\/\/ URL/);
  });
});
