import { loadDocuments } from "@graphql-tools/load";
import { CodeFileLoader } from "@graphql-tools/code-file-loader";
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  Kind,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { loadConfig } from "../server/config.ts";
import { getSchema } from "../server/graphql/schema.ts";
import { checkCost, checkShape } from "../server/graphql/limits.ts";
import { openSeededApp, postGraphql, startApp, type RunningApp } from "./support/http.ts";
import { ADMIN } from "./support/graphql.ts";

const aliased = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
const FULL = `regionGeometries(level: VILLAGE, detail: FULL)`;
const PLAN = `outreachPlan(input: { sessions: 5, maxDistanceKm: 5, from: "2025-10-01", to: "2025-12-31" }) { totals { uncoveredReached } }`;

describe("query cost matches real cost; root fields, aliases and answer size capped", () => {
  let db: Database;
  let app: RunningApp;
  let close: () => Promise<void>;
  beforeAll(async () => ({ db, app, close } = await openSeededApp()));
  afterAll(() => close?.());

  /** Posts the query; expects HTTP 400 with `code`, and no statement run on the database. */
  const refused = async (query: string, code: string) => {
    db.statements.reset();
    const { status, body } = await postGraphql(app.url, query);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((e) => e.extensions.code)).toEqual([code]);
    expect(status).toBe(400);
    expect(db.statements.count, "nothing ran").toBe(0);
    return body.errors![0].message as string;
  };

  it("refuses 1,000 aliased regionGeometries(FULL) and 100 aliased outreachPlan before running them", async () => {
    expect(await refused(aliased(1000, FULL), "QUERY_TOO_LARGE")).toBe("The operation has 1000 root fields; the limit is 20.");
    expect(await refused(aliased(100, PLAN), "QUERY_TOO_LARGE")).toBe("The operation has 100 root fields; the limit is 20.");
  });

  it("charges geometry and planning for their work: three FULL geometries or three plans are over the limit, one runs", async () => {
    expect(await refused(aliased(3, FULL), "QUERY_TOO_COMPLEX")).toMatch(/^Query complexity \d+ exceeds the limit of 20000\.$/);
    expect(await refused(aliased(3, PLAN), "QUERY_TOO_COMPLEX")).toMatch(/^Query complexity \d+ exceeds the limit of 20000\.$/);
    expect(await refused(aliased(11, `budgetView(input: { budget: 1000000 }) { funded }`), "QUERY_TOO_COMPLEX")).toMatch(/complexity/);
    const [{ villages }] = await db.sql.query<{ villages: number }>(
      `SELECT count(*)::int AS villages FROM region WHERE level = 'VILLAGE' AND geom IS NOT NULL`,
    );
    const one = await postGraphql(app.url, `{ ${FULL} }`);
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data.regionGeometries.features).toHaveLength(villages);
    const plan = await postGraphql(app.url, `{ ${PLAN} }`, undefined, ADMIN); // plans need a planner, analyst or admin
    expect(plan.body.errors).toBeUndefined();
  });

  it("caps root fields (20) and aliased fields (30) per operation", async () => {
    expect(await refused(`{ ${"periods ".repeat(21)} }`, "QUERY_TOO_LARGE")).toBe("The operation has 21 root fields; the limit is 20.");
    const codes = (n: number) => `{ region(code: "35.26") { ${Array.from({ length: n }, (_, i) => `c${i}: code`).join(" ")} } }`;
    expect(await refused(codes(31), "QUERY_TOO_LARGE")).toBe("The operation has 31 aliased fields; the limit is 30.");
    expect((await postGraphql(app.url, `{ ${"periods ".repeat(20)} }`)).body.errors).toBeUndefined();
    expect((await postGraphql(app.url, codes(30))).body.data.region.c29).toBe("35.26");
  });

  it("refuses an answer over MAX_RESPONSE_BYTES with RESPONSE_TOO_LARGE and HTTP 400", async () => {
    const small = await startApp(db, { MAX_RESPONSE_BYTES: "100000" });
    try {
      const full = await postGraphql(small.url, `{ ${FULL} }`);
      expect(full.status).toBe(400);
      expect(full.body.data).toBeUndefined();
      expect(full.body.errors).toEqual([expect.objectContaining({ extensions: { code: "RESPONSE_TOO_LARGE" } })]);
      expect(full.body.errors![0].message).toMatch(/^The answer would be [\d,]+ bytes, over the limit of 100,000/);
      const periods = await postGraphql(small.url, `{ periods }`);
      expect(periods.status).toBe(200);
      expect(periods.body.data.periods.length).toBeGreaterThan(0);
    } finally {
      await small.close();
    }
  });
});

/** A value of the type for a variable the client always sends (required fields filled, lists of one). */
function sample(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return sample(type.ofType);
  if (type instanceof GraphQLList) return [sample(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0].value;
  if (type instanceof GraphQLInputObjectType)
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => f.type instanceof GraphQLNonNull && f.defaultValue === undefined)
        .map((f) => [f.name, sample(f.type)]),
    );
  return { Int: 1, Float: 1, Boolean: true }[type.name] ?? "35.26";
}

const variablesFor = (schema: GraphQLSchema, operation: OperationDefinitionNode) =>
  Object.fromEntries(
    (operation.variableDefinitions ?? []).map((v) => [
      v.variable.name.value,
      sample(typeFromAST(schema, v.type as never) as GraphQLInputType),
    ]),
  );

describe("every operation the web client sends is within the default limits", () => {
  it("passes the shape and cost checks", async () => {
    const config = loadConfig({});
    const limits = {
      maxDepth: config.MAX_QUERY_DEPTH,
      maxComplexity: config.MAX_QUERY_COMPLEXITY,
      maxRootFields: config.MAX_ROOT_FIELDS,
      maxAliases: config.MAX_ALIASES,
    };
    const schema = await getSchema();
    const sources = await loadDocuments(["client/src/**/*.{ts,tsx}", "!client/src/generated/**"], { loaders: [new CodeFileLoader()] });
    const fragments = sources.flatMap((s) => s.document!.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION));
    let operations = 0;
    for (const source of sources)
      for (const operation of source.document!.definitions) {
        if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
        operations++;
        const document = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] } as const;
        expect(() => checkShape(document, limits, operation), operation.name?.value).not.toThrow();
        expect(() => checkCost(schema, document, limits, variablesFor(schema, operation), operation), operation.name?.value).not.toThrow();
      }
    expect(operations).toBeGreaterThan(5);
  });
});
