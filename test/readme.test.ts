import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { run } from "./support/graphql.ts";
import { Accounts } from "../server/people/accounts.ts";

/** The numbered example queries of the README's Analysts section. */
function readmeExamples(): { title: string; query: string }[] {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /## Analysts[\s\S]*?```graphql\n([\s\S]*?)```/.exec(readme)![1]!;
  return block
    .split(/^# /m)
    .filter(Boolean)
    .map((part) => {
      const [title, ...lines] = part.split("\n");
      return { title: title!.trim(), query: lines.join("\n").trim() };
    });
}

describe("the README's example queries", () => {
  let db: Database;
  let analyst: string;
  beforeAll(async () => {
    db = await openSeededDatabase();
    // As the section says: an analyst with a personal API token (example 6 plans, which a viewer may not).
    const accounts = new Accounts(db);
    await accounts.add({ login: "analyst", role: "analyst" });
    analyst = (await accounts.createToken("analyst", "README", 1)).token;
  });
  afterAll(() => db?.close());

  const examples = readmeExamples();
  it("has at least five", () => expect(examples.length).toBeGreaterThanOrEqual(5));

  it.each(examples)("runs as written: $title", async ({ query }) => {
    const { data, errors } = await run(db, query, undefined, analyst);
    expect(errors).toBeUndefined();
    // every root field answers something: a non-empty list or an object
    for (const value of Object.values(data!)) {
      const found = Array.isArray(value) ? value : (value as Record<string, unknown>);
      expect(Array.isArray(found) ? found.length : Object.keys(found ?? {}).length).toBeGreaterThan(0);
    }
    const text = JSON.stringify(data);
    expect(text).not.toContain('"edges":[]');
    expect(text).not.toContain('"sites":[]');
  });
});
