import { describe, expect, it } from "vitest";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { GraphQLObjectType, GraphQLScalarType, GraphQLSchema, GraphQLString } from "graphql";
import { responseSizeLimit } from "../../server/graphql/limits.ts";

// Every JSON.stringify of an answer calls its values' toJSON: the count is how many times the
// answer was serialised on its way out.
let serialised = 0;
const Counted = new GraphQLScalarType({ name: "Counted", serialize: (v) => v });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      counted: { type: Counted, resolve: () => ({ toJSON: () => (serialised++, "x".repeat(50)) }) },
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error("gone");
        },
      },
    },
  }),
});

async function post(server: ApolloServer, query: string) {
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: "POST", headers: new HeaderMap([["content-type", "application/json"]]), search: "", body: { query } },
    context: async () => ({}),
  });
  if (response.body.kind !== "complete") throw new Error("expected one body");
  return { status: response.status, text: response.body.string };
}

describe("responseSizeLimit", () => {
  it("serialises an answer once: the text measured is the text sent, byte for byte what Apollo would send", async () => {
    const limit = responseSizeLimit(1000);
    const server = new ApolloServer({
      schema,
      plugins: [limit.plugin],
      stringifyResult: limit.stringifyResult,
      includeStacktraceInErrorResponses: false,
    });
    const reference = new ApolloServer({ schema, includeStacktraceInErrorResponses: false });
    await Promise.all([server.start(), reference.start()]);
    try {
      serialised = 0;
      const sent = await post(server, "{ counted broken }");
      expect(serialised).toBe(1);
      serialised = 0;
      expect(sent).toEqual(await post(reference, "{ counted broken }"));
      expect(serialised).toBe(1);
    } finally {
      await Promise.all([server.stop(), reference.stop()]);
    }
  });

  it("replaces an answer over the limit with RESPONSE_TOO_LARGE and HTTP 400", async () => {
    const limit = responseSizeLimit(40);
    const server = new ApolloServer({
      schema,
      plugins: [limit.plugin],
      stringifyResult: limit.stringifyResult,
      includeStacktraceInErrorResponses: false,
    });
    await server.start();
    try {
      const sent = await post(server, "{ counted }");
      expect(sent.status).toBe(400);
      expect(JSON.parse(sent.text).errors).toEqual([expect.objectContaining({ extensions: { code: "RESPONSE_TOO_LARGE" } })]);
    } finally {
      await server.stop();
    }
  });
});
