import { writeFileSync } from "node:fs";
import { printSchema } from "graphql";
import { getSchema } from "../graphql/schema.ts";

/** Writes the GraphQL schema to schema.graphql (committed; a test fails when it drifts from the code). */
export const SCHEMA_FILE = new URL("../../schema.graphql", import.meta.url);
export const printedSchema = async () => `${printSchema(await getSchema())}\n`;

if (process.argv[1]?.endsWith("print-schema.ts")) {
  writeFileSync(SCHEMA_FILE, await printedSchema());
  console.log("Wrote schema.graphql");
}
