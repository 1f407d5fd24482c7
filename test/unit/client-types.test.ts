// The client's and the tests' operation types are generated from schema.graphql and their documents, and committed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config, { GENERATED_FILE, TEST_GENERATED_FILE } from "../../codegen.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

describe("the generated GraphQL operation types", () => {
  it("are valid against schema.graphql and match client/src/generated/graphql.ts and test/generated/graphql.ts", async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: ROOT }, false);
    expect(outputs.map((o) => o.filename).sort()).toEqual([GENERATED_FILE, TEST_GENERATED_FILE].sort());
    for (const output of outputs)
      expect(readFileSync(join(ROOT, output.filename), "utf8"), `${output.filename} is stale: run npm run codegen`).toBe(output.content);
  });
});
