import { graphql } from "graphql";
import type { Database } from "../../server/db/database.ts";
import { getSchema } from "../../server/graphql/schema.ts";
import { createContext } from "../../server/graphql/context.ts";
import { formatError } from "../../server/graphql/format-error.ts";
import { TEST_NIK_KEY } from "./seeded.ts";
import { resolveViewer } from "../../server/people/viewer.ts";
import type { Context } from "../../server/graphql/context.ts";

export const ADMIN = "admin-token-for-tests-0123456789";

/** The configuration operations run with: the test admin token, anonymous requests may read. */
export const TEST_CONFIG: Context["config"] = {
  ADMIN_TOKEN: ADMIN,
  ANONYMOUS_ACCESS: "viewer",
  ANALYSTS_SEE_UNSUPPRESSED: false,
  MIN_CELL_SIZE: 1,
  nikKey: TEST_NIK_KEY,
};

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
  overrides?: Partial<Context["config"]>,
): Promise<RunResult<TData>>;
/**
 * `overrides`: settings for this run. MIN_CELL_SIZE is 1 unless given, so the API tests check every
 * figure against their own arithmetic; test/disclosure.test.ts runs with more.
 */
export async function run(
  db: Database,
  source: string,
  variables?: unknown,
  token?: string,
  overrides: Partial<Context["config"]> = {},
): Promise<RunResult<unknown>> {
  const config = { ...TEST_CONFIG, ...overrides };
  const viewer = await resolveViewer(db, config, { authorization: token ? `Bearer ${token}` : undefined });
  const result = await graphql({
    schema: await getSchema(),
    source,
    variableValues: variables as Record<string, unknown> | undefined,
    contextValue: createContext(db, config, viewer),
  });
  const errors = result.errors?.map((e) => formatError(e.toJSON(), e));
  return { data: result.data, errors };
}
