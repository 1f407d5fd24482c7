import { graphql } from "graphql";
import type { Database } from "../../server/db/database.ts";
import { getSchema } from "../../server/graphql/schema.ts";
import { createContext } from "../../server/graphql/context.ts";
import { formatError } from "../../server/graphql/format-error.ts";
import { TEST_NIK_KEY } from "./seeded.ts";

export const ADMIN = "admin-token-for-tests-0123456789";

/**
 * A GraphQL operation's text that carries its answer and variables types. Write it as a named
 * `/* GraphQL *\/` document; `npm run codegen` generates `<Name>Query`/`<Name>Mutation` and their
 * variables into test/generated/graphql.ts (a test fails when that file is stale).
 */
export type Operation<TData, TVariables> = string & { readonly __types?: (variables: TVariables) => TData };

export const operation = <TData, TVariables = Record<string, never>>(source: string) => source as Operation<TData, TVariables>;

export interface RunResult<TData> {
  data: TData | null | undefined;
  errors: ReturnType<typeof formatError>[] | undefined;
}

/**
 * Runs an operation against the schema with a fresh request context; errors formatted as the server
 * does. Plain text (an invalid query a test sends on purpose) gets an answer of unknown shape.
 */
export async function run<TData, TVariables>(
  db: Database,
  source: Operation<TData, TVariables>,
  variables?: TVariables,
  token?: string,
  minCellSize?: number,
): Promise<RunResult<TData>>;
/**
 * `minCellSize`: the disclosure control's minimum cell size (MIN_CELL_SIZE); 1 by default, so the
 * API tests check every figure against their own arithmetic; test/disclosure.test.ts runs with more.
 */
export async function run(db: Database, source: string, variables?: unknown, token?: string, minCellSize = 1): Promise<RunResult<unknown>> {
  const result = await graphql({
    schema: await getSchema(),
    source,
    variableValues: variables as Record<string, unknown> | undefined,
    contextValue: createContext(
      db,
      { ADMIN_TOKEN: ADMIN, nikKey: TEST_NIK_KEY, MIN_CELL_SIZE: minCellSize },
      token ? `Bearer ${token}` : undefined,
    ),
  });
  const errors = result.errors?.map((e) => formatError(e.toJSON(), e));
  return { data: result.data, errors };
}
