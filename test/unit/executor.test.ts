import { describe, expect, it } from "vitest";
import { ApolloServer } from "@apollo/server";
import {
  GraphQLEnumType,
  GraphQLError,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
} from "graphql";
import { compiledExecutor } from "../../server/graphql/executor.ts";

// A schema with what the app's has: plain fields, resolvers, an enum argument, errors with and
// without a code, a null where the schema says non-null. graphql-js's own `execute` (Apollo
// without a gateway) is the reference the compiled executor's answers are compared with.
const Level = new GraphQLEnumType({ name: "Level", values: { VILLAGE: {}, DISTRICT: {} } });
type RowValue = { code: string; count: number };
const Row: GraphQLObjectType = new GraphQLObjectType<RowValue>({
  name: "Row",
  fields: () => ({
    code: { type: new GraphQLNonNull(GraphQLString) },
    count: { type: GraphQLInt },
    twice: { type: GraphQLInt, resolve: (r) => r.count * 2 },
    missing: { type: new GraphQLNonNull(GraphQLString), resolve: () => null },
    child: { type: Row, resolve: (r) => ({ code: `${r.code}.1`, count: 1 }) },
  }),
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      rows: {
        type: new GraphQLList(Row),
        args: { level: { type: new GraphQLNonNull(Level) }, first: { type: GraphQLInt, defaultValue: 2 } },
        resolve: async (_root, args: { level: string; first: number }, ctx: { prefix: string }) =>
          Array.from({ length: args.first }, (_, i) => ({ code: `${ctx.prefix}${args.level}.${i}`, count: i })),
      },
      refused: {
        type: GraphQLString,
        resolve: () => {
          throw new GraphQLError("no such region", { extensions: { code: "NOT_FOUND" } });
        },
      },
      broken: {
        type: GraphQLString,
        resolve: async () => {
          throw new Error("database went away");
        },
      },
    },
  }),
});

async function answer(server: ApolloServer<{ prefix: string }>, query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, variables }, { contextValue: { prefix: "p" } });
  if (response.body.kind !== "single") throw new Error("expected one result");
  return { status: response.http.status, body: JSON.parse(JSON.stringify(response.body.singleResult)) };
}

describe("compiled executor (graphql-jit behind Apollo's gateway option)", () => {
  it("answers what graphql-js answers: data, error codes, paths, locations, refused variables", async () => {
    const options = { includeStacktraceInErrorResponses: false };
    const reference = new ApolloServer<{ prefix: string }>({ schema, ...options });
    const compiled = new ApolloServer<{ prefix: string }>({ gateway: compiledExecutor(schema), ...options });
    await Promise.all([reference.start(), compiled.start()]);
    const cases: [string, Record<string, unknown>?][] = [
      [`{ rows(level: VILLAGE) { code count twice child { code child { code } } } }`],
      [`query($l: Level!, $n: Int) { rows(level: $l, first: $n) { code twice } }`, { l: "DISTRICT", n: 3 }],
      [`query($l: Level!) { rows(level: $l) { code } }`, { l: "NOPE" }],
      [`query($l: Level!) { rows(level: $l) { code } }`, {}],
      [`{ refused rows(level: VILLAGE) { code } }`],
      [`{ broken }`],
      [`{ rows(level: VILLAGE) { code missing } }`],
      [`{ __typename a: rows(level: VILLAGE, first: 1) { ...F } } fragment F on Row { code }`],
    ];
    try {
      for (const [query, variables] of cases) {
        const expected = await answer(reference, query, variables);
        // Twice: the second run uses the function compiled by the first.
        for (let run = 0; run < 2; run++) expect(await answer(compiled, query, variables), `${query} (run ${run + 1})`).toEqual(expected);
      }
      // The cases above are not all alike: some answer data, some refuse with a code.
      const refused = await answer(compiled, `{ refused }`);
      expect(refused.body.errors[0].extensions.code).toBe("NOT_FOUND");
      expect((await answer(compiled, `query($l: Level!) { rows(level: $l) { code } }`, { l: "NOPE" })).status).toBe(400);
    } finally {
      await Promise.all([reference.stop(), compiled.stop()]);
    }
  });
});
