// The client's operation types are generated from schema.graphql and its documents, and committed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config, { GENERATED_FILE } from "../../codegen.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

describe("the client's generated GraphQL types", () => {
  it("are valid against schema.graphql and match client/src/generated/graphql.ts", async () => {
    const outputs: { filename: string; content: string }[] = await generate({ ...config, cwd: ROOT }, false);
    expect(outputs.map((o) => o.filename)).toEqual([GENERATED_FILE]);
    expect(readFileSync(join(ROOT, GENERATED_FILE), "utf8"), `${GENERATED_FILE} is stale: run npm run codegen`).toBe(outputs[0]!.content);
  });
});
