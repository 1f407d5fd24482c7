import { graphql, type ExecutionResult } from "graphql";
import type { Database } from "../../server/db/database.ts";
import { getSchema } from "../../server/graphql/schema.ts";
import { createContext } from "../../server/graphql/context.ts";
import { formatError } from "../../server/graphql/format-error.ts";
import { TEST_NIK_KEY } from "./seeded.ts";

export const ADMIN = "admin-token-for-tests-0123456789";

/** Runs an operation against the schema with a fresh request context; errors formatted as the server does. */
export async function run(db: Database, source: string, variables?: Record<string, unknown>, token?: string) {
  const result = (await graphql({
    schema: await getSchema(),
    source,
    variableValues: variables,
    contextValue: createContext(db, { ADMIN_TOKEN: ADMIN, nikKey: TEST_NIK_KEY }, token ? `Bearer ${token}` : undefined),
  })) as ExecutionResult<Record<string, any>>;
  const errors = result.errors?.map((e) => formatError(e.toJSON(), e));
  return { data: result.data, errors };
}
