import { execute, GraphQLError, parse, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import type { ApolloServerOptionsWithGateway, ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";

type Gateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];

/**
 * Executes operations with graphql-jit: each operation is compiled once to a JavaScript function
 * (its plain fields read as property accesses, its resolvers called directly) and the compiled
 * function is kept as long as its parsed document is (Apollo's document store hands back the
 * same DocumentNode for the same query text, parsed and validated once). Every resolver the schema
 * has still runs as it is: type-graphql's @Authorized and argument validation included.
 * An operation graphql-jit cannot compile runs through graphql-js's `execute`.
 *
 * Apollo Server 4 and 5 take a custom executor only through their `gateway` option: this is a
 * gateway with one fixed schema, nothing federated.
 */
export function compiledExecutor(schema: GraphQLSchema): Gateway {
  // Refuses a schema graphql-jit cannot read (made by another copy of graphql than the one it
  // loads), rather than falling back to graphql-js for every operation without a word.
  const probe = compileQuery(schema, parse("{ __typename }"));
  if (!isCompiledQuery(probe)) throw new Error(`graphql-jit cannot compile for this schema: ${probe.errors?.[0]?.message}`);
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compile = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? "";
    if (!byName.has(key)) {
      const result = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      byName.set(key, isCompiledQuery(result) ? result : null);
    }
    return byName.get(key)!;
  };
  return {
    async load() {
      return {
        executor: async ({ document, request, context }) => {
          const operationName = request.operationName ?? null;
          const query = compile(document, operationName);
          const standard = () =>
            execute({
              schema,
              document,
              contextValue: context,
              variableValues: request.variables,
              operationName,
            }) as Promise<ExecutionResult>;
          if (!query) return await standard();
          const result = await query.query(undefined, context, request.variables ?? {});
          // No data: the variables were refused before anything ran. graphql-js words that as clients know it.
          if (!("data" in result) && result.errors?.length) return await standard();
          return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => undefined;
    },
    async stop() {},
  };
}

/**
 * graphql-jit's field errors as graphql-js makes them: the extensions (the code formatError reads)
 * taken from the error thrown, the path and locations kept.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const made = new GraphQLError(error.message, { path: error.path, originalError: error.originalError });
  (made as { locations?: GraphQLError["locations"] }).locations = error.locations;
  return made;
}

/**
 * What Apollo's cache-control plugin would decide for this schema (no @cacheControl hints: every
 * answer may be kept `maxAge` seconds), without its hook on every field resolution: the response
 * cache (response-cache.ts) stores what this allows, only for the root fields it lists.
 */
export function staticCachePolicy(maxAge: number): ApolloServerPlugin[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async executionDidStart({ overallCachePolicy }) {
            overallCachePolicy.replace({ maxAge });
          },
        };
      },
    },
  ];
}
