import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { importCsv } from "../server/imports/csv-import.service.ts";
import { enrollmentImporter } from "../server/imports/enrollment.importer.ts";
import { TEST_NIK_KEY } from "./support/seeded.ts";
import { openSeededApp, postGraphql, type RunningApp } from "./support/http.ts";
import { ADMIN } from "./support/graphql.ts";
import { ALL_INTROSPECTION_OPTIONS } from "../server/graphql/limits.ts";

describe("GraphQL over HTTP: limits and the response cache", () => {
  let db: Database;
  let app: RunningApp;
  let close: () => Promise<void>;
  beforeAll(async () => ({ db, app, close } = await openSeededApp()));
  afterAll(() => close?.());

  const post = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const { status, headers, body } = await postGraphql(app.url, query, variables, token);
    return { status, cacheControl: headers.get("cache-control"), body };
  };
  const version = () => db.sql.query<{ v: string }>(`SELECT version::text AS v FROM data_version`).then((r) => r[0].v);

  it("refuses a query deeper than MAX_QUERY_DEPTH (8) with QUERY_TOO_DEEP and HTTP 400, running nothing", async () => {
    const { status, body } = await post(
      `{ region(code: "35.26") { children { children { parent { parent { children { parent { parent { code } } } } } } } } }`,
    );
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({ message: "Query depth 9 exceeds the limit of 8.", extensions: { code: "QUERY_TOO_DEEP" } }),
    ]);
    expect(status).toBe(400);
  });

  it("answers the standard introspection query (GraphiQL, codegen, IDE plugins), all options on", async () => {
    const { status, body } = await post(getIntrospectionQuery(ALL_INTROSPECTION_OPTIONS));
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data.__schema.queryType.name).toBe("Query");
    expect(body.data.__schema.types.map((t: { name: string }) => t.name)).toContain("CoverageConnection");
    // GraphiQL's default (no options) too.
    expect((await post(getIntrospectionQuery())).body.errors).toBeUndefined();
  });

  it("refuses introspection that expands referenced types again (grows with the schema to any power)", async () => {
    const { status, body } = await post(`{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors![0].extensions).toEqual({ code: "QUERY_TOO_COMPLEX" });
  });

  it("refuses an operation of more than 5000 fields with QUERY_TOO_LARGE and HTTP 400", async () => {
    const { status, body } = await post(`{ region(code: "35.26") { ${"code ".repeat(12_000)} } }`);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "The query has more than 5000 fields (fragments expanded).",
        extensions: { code: "QUERY_TOO_LARGE" },
      }),
    ]);
    expect(status).toBe(400);
  });

  it("refuses a query costlier than MAX_QUERY_COMPLEXITY (20000) with QUERY_TOO_COMPLEX", async () => {
    const page = `coverage(level: VILLAGE, first: 500) { edges { node { code bySector { sector workforce enrolled coverageRate uncovered reliability } } } }`;
    const { status, body } = await post(`{ a: ${page} b: ${page} c: ${page} d: ${page} e: ${page} }`);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors![0].extensions).toEqual({ code: "QUERY_TOO_COMPLEX" });
    const [, cost] = /^Query complexity (\d+) exceeds the limit of 20000\.$/.exec(body.errors![0].message)!;
    expect(Number(cost)).toBeGreaterThan(20000);
    expect((await post(`{ a: ${page} }`)).body.errors).toBeUndefined();
  });

  it("answers a repeated query from the cache, and never serves it stale after any write", async () => {
    const query = `{ sessions(regionCode: "35.26.01") { id title } coverage(level: DISTRICT, first: 20) { edges { node { code enrolled } } } }`;
    const enrolled = (body: { data?: any }) =>
      body.data.coverage.edges.find((e: any) => e.node.code === "35.26.01").node.enrolled as number;
    const districtSql = () =>
      db.sql
        .query<{ n: number }>(
          `SELECT sum(enrolled)::int AS n FROM coverage_summary WHERE village_code LIKE '35.26.01.%' AND period = (SELECT max(period) FROM coverage_summary)`,
        )
        .then((r) => r[0].n);
    const first = await post(query);
    db.statements.reset();
    const again = await post(query);
    expect(again.body).toEqual(first.body);
    expect(db.statements.count, "a cache hit reads only the data version").toBe(1);
    expect(first.cacheControl ?? "").not.toMatch(/max-age=[1-9]/);
    expect(enrolled(first.body)).toBe(await districtSql());

    // A mutation through the API.
    const v0 = await version();
    const created = await post(
      `mutation { createSession(input: { title: "Cache check", startsOn: "2026-01-05", villageCode: "35.26.01.1001" }) { id } }`,
      undefined,
      ADMIN,
    );
    expect(created.body.errors).toBeUndefined();
    expect(await version()).not.toBe(v0);
    const afterMutation = await post(query);
    expect(afterMutation.body.data.sessions).toHaveLength(first.body.data.sessions.length + 1);

    // A write straight to the database, as another process would make (districts read the summary's rollup).
    await db.sql.query(
      `UPDATE coverage_rollup SET enrolled = enrolled + 7 WHERE code = '35.26.01' AND sector_code = 'FARMER' AND period = (SELECT max(period) FROM coverage_summary)`,
    );
    expect(enrolled((await post(query)).body)).toBe(enrolled(first.body) + 7);

    // A bulk import (row triggers off while it writes) still changes the version when it commits.
    const v1 = await version();
    const csv =
      "nik,name,village_code,sector,programs,start_date,end_date,status,funding_source\n3526019999000001,A,35.26.01.1001,petani,JKK,2020-01-01,,aktif,DBHCHT\n";
    await importCsv(db.sql, enrollmentImporter(TEST_NIK_KEY), { text: csv, name: "one.csv" });
    expect(await version()).not.toBe(v1);
    expect(enrolled((await post(query)).body)).toBe(await districtSql());
  });
});
