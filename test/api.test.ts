import { readFileSync } from "node:fs";
import { isEnumType, isInputObjectType, isObjectType, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { getSchema } from "../server/graphql/schema.ts";
import { printedSchema, SCHEMA_FILE } from "../server/cli/print-schema.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { ADMIN, operation, run } from "./support/graphql.ts";
import type {
  CancelSessionMutation,
  CancelSessionMutationVariables,
  CoverageQuery,
  CoverageQueryVariables,
  CreateSessionMutation,
  CreateSessionMutationVariables,
  NearQuery,
  NearQueryVariables,
} from "./generated/graphql.ts";
import { independentCoverage, rankWithinParent } from "./support/independent-coverage.ts";

const COVERAGE = operation<CoverageQuery, CoverageQueryVariables>(/* GraphQL */ `
  query Coverage(
    $level: RegionLevel!
    $sector: Sector
    $parentCode: String
    $first: Int
    $after: String
    $orderBy: CoverageMetric
    $direction: SortDirection
    $maxCoverageRate: Float
    $minUncovered: Int
    $target: Float
  ) {
    coverage(
      level: $level
      sector: $sector
      parentCode: $parentCode
      first: $first
      after: $after
      orderBy: $orderBy
      direction: $direction
      maxCoverageRate: $maxCoverageRate
      minUncovered: $minUncovered
      target: $target
    ) {
      totalCount
      period
      pageInfo {
        hasNextPage
        endCursor
      }
      total {
        workforce
        enrolled
        coverageRate
      }
      edges {
        cursor
        node {
          code
          name
          parentCode
          workforce
          enrolled
          coverageRate
          uncovered
          gapToTarget
          rank
          reliability
          overEnrolled
          parent {
            code
            name
          }
          bySector {
            sector
            workforce
            enrolled
            coverageRate
          }
        }
      }
    }
  }
`);

const CREATE_SESSION = operation<CreateSessionMutation, CreateSessionMutationVariables>(/* GraphQL */ `
  mutation CreateSession($input: SessionInput!) {
    createSession(input: $input) {
      id
      status
      villageName
      targetSectors
    }
  }
`);
const CANCEL_SESSION = operation<CancelSessionMutation, CancelSessionMutationVariables>(/* GraphQL */ `
  mutation CancelSession($id: Int!) {
    cancelSession(id: $id) {
      status
    }
  }
`);
const NEAR = operation<NearQuery, NearQueryVariables>(/* GraphQL */ `
  query Near($v: String!, $lon: Float!, $lat: Float!) {
    nearestFertilizerPoints(villageCode: $v, first: 3) {
      distanceMeters
      point {
        code
      }
    }
    regionsWithin(level: VILLAGE, lon: $lon, lat: $lat, meters: 3000) {
      distanceMeters
      region {
        code
      }
    }
    locate(lon: $lon, lat: $lat) {
      village {
        code
      }
      district {
        code
      }
    }
  }
`);

describe("GraphQL API", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSeededDatabase();
  });
  afterAll(() => db?.close());

  it("answers district coverage for farmers with the same numbers and rates as an independent SQL computation", async () => {
    const { data, errors } = await run(db, COVERAGE, { level: "DISTRICT", sector: "FARMER", first: 100 });
    expect(errors).toBeUndefined();
    const expected = await independentCoverage(db, { level: "DISTRICT", sector: "FARMER", month: "2025-09" });
    const nodes = data!.coverage.edges.map((e: any) => e.node);
    expect(data!.coverage.totalCount).toBe(18);
    expect(data!.coverage.period).toBe("2025-09");
    const pick = (r: any) => ({ code: r.code, workforce: r.workforce, enrolled: r.enrolled, coverageRate: r.coverageRate });
    expect(nodes.map(pick).sort((a: any, b: any) => a.code.localeCompare(b.code))).toEqual(expected.map(pick));
    const rates = nodes.map((n: any) => n.coverageRate);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    expect(nodes[0].rank).toBe(1);
    const sum = expected.reduce((s, r) => ({ w: s.w + r.workforce, e: s.e + r.enrolled }), { w: 0, e: 0 });
    expect(data!.coverage.total).toEqual({ workforce: sum.w, enrolled: sum.e, coverageRate: sum.e / sum.w });
    // each district's figures by sector
    for (const sector of ["FARMER", "LIVESTOCK", "FISHER"]) {
      const bySector = await independentCoverage(db, { level: "DISTRICT", sector, month: "2025-09" });
      const given = nodes.map((n: any) => ({ code: n.code, ...n.bySector.find((b: any) => b.sector === sector) }));
      const fields = (r: any) => ({
        code: r.code,
        workforce: r.workforce ?? 0,
        enrolled: r.enrolled ?? 0,
        coverageRate: r.coverageRate ?? null,
      });
      expect(given.map(fields).sort((a: any, b: any) => a.code.localeCompare(b.code))).toEqual(bySector.map(fields));
    }
  });

  it("gives every village, all sectors together, the figures, rate, gap, rank and reliability of an independent computation", async () => {
    const { data, errors } = await run(db, COVERAGE, { level: "VILLAGE", first: 500, target: 0.6 });
    expect(errors).toBeUndefined();
    const expected = await independentCoverage(db, { level: "VILLAGE", sector: null, month: "2025-09", target: 0.6 });
    const rank = rankWithinParent(expected, (r) => r.coverageRate, "ASC");
    const fields = (r: any) => ({
      code: r.code,
      parentCode: r.parentCode,
      workforce: r.workforce,
      enrolled: r.enrolled,
      coverageRate: r.coverageRate,
      uncovered: r.uncovered,
      gapToTarget: r.gapToTarget,
      reliability: r.reliability,
      overEnrolled: r.overEnrolled,
    });
    const nodes = data!.coverage.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(281);
    expect(nodes.map(fields).sort((a: any, b: any) => a.code.localeCompare(b.code))).toEqual(expected.map(fields));
    const byCode = new Map(expected.map((r) => [r.code, r]));
    expect(nodes.map((n: any) => n.rank)).toEqual(nodes.map((n: any) => rank.get(byCode.get(n.code)!)));
  });

  it("filters on metrics, computes the gap to a target and pages with cursors", async () => {
    const filtered = await run(db, COVERAGE, {
      level: "VILLAGE",
      sector: "FARMER",
      maxCoverageRate: 0.5,
      minUncovered: 50,
      first: 500,
      target: 0.6,
    });
    const nodes = filtered.data!.coverage.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(5);
    for (const n of nodes) {
      expect(n.coverageRate).toBeLessThanOrEqual(0.5);
      expect(n.uncovered).toBeGreaterThanOrEqual(50);
      expect(n.gapToTarget).toBe(Math.max(Math.ceil(0.6 * n.workforce - 1e-9) - n.enrolled, 0));
    }
    const page1 = await run(db, COVERAGE, { level: "VILLAGE", first: 100, orderBy: "UNCOVERED", direction: "DESC" });
    const page2 = await run(db, COVERAGE, {
      level: "VILLAGE",
      first: 100,
      orderBy: "UNCOVERED",
      direction: "DESC",
      after: page1.data!.coverage.pageInfo.endCursor,
    });
    const codes = [...page1.data!.coverage.edges, ...page2.data!.coverage.edges].map((e: any) => e.node.code);
    expect(new Set(codes).size).toBe(200);
    expect(page1.data!.coverage.edges[99].node.uncovered).toBeGreaterThanOrEqual(page2.data!.coverage.edges[0].node.uncovered!);
  });

  it("costs a fixed handful of SQL statements for all 281 villages with their districts and sectors (no N+1)", async () => {
    db.statements.reset();
    const { data } = await run(db, COVERAGE, { level: "VILLAGE", first: 500 });
    expect(data!.coverage.edges).toHaveLength(281);
    expect(data!.coverage.edges.every((e: any) => e.node.bySector.length > 0 && e.node.parent.code === e.node.code.slice(0, 8))).toBe(true);
    expect(db.statements.count).toBeLessThanOrEqual(4);
  });

  it("gives each region's point inside it (its centroid) for a whole page in one more statement", async () => {
    const query = `{ coverage(level: VILLAGE, first: 500) { edges { node { code centroid { lon lat } } } } }`;
    db.statements.reset();
    type Page = { coverage: { edges: { node: { code: string; centroid: { lon: number; lat: number } } }[] } };
    const data = (await run(db, query)).data as Page;
    expect(db.statements.count).toBeLessThanOrEqual(4);
    const expected = await db.sql.query<{ code: string; lon: number; lat: number }>(
      `SELECT code, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM region WHERE level = 'VILLAGE' ORDER BY code`,
    );
    const got = data.coverage.edges.map((e) => ({ code: e.node.code, ...e.node.centroid })).sort((a, b) => (a.code < b.code ? -1 : 1));
    expect(got).toHaveLength(281);
    expect(got.map((g) => g.code)).toEqual(expected.map((e) => e.code));
    for (const [i, g] of got.entries()) {
      expect(g.lon, g.code).toBeCloseTo(expected[i]!.lon, 9);
      expect(g.lat, g.code).toBeCloseTo(expected[i]!.lat, 9);
    }
  });

  it("returns NOT_FOUND for an unknown region code and BAD_USER_INPUT naming the argument", async () => {
    const missing = await run(db, COVERAGE, { level: "VILLAGE", parentCode: "35.26.99" });
    expect(missing.errors![0].extensions).toEqual({ code: "NOT_FOUND" });
    expect(missing.errors![0].message).toMatch(/parentCode: no region with code "35.26.99"/);
    const bad = await run(db, COVERAGE, { level: "VILLAGE", first: 5000 });
    expect(bad.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "first" });
    const period = await run(db, `{ coverage(level: VILLAGE, period: "2019-01") { totalCount } }`);
    expect(period.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "period" });
  });

  it("refuses an out-of-range argument naming it, never clamping it to the range", async () => {
    const cases: [string, string, string][] = [
      [
        `{ nearestFertilizerPoints(villageCode: "35.26.01.1001", first: 51) { distanceMeters } }`,
        "first",
        "first must be between 1 and 50 (got 51)",
      ],
      [
        `{ nearestFertilizerPoints(villageCode: "35.26.01.1001", first: 0) { distanceMeters } }`,
        "first",
        "first must be between 1 and 50 (got 0)",
      ],
      [`{ searchRegions(query: "a", first: 101) { code } }`, "first", "first must be between 1 and 100 (got 101)"],
      [`{ regionsWithin(level: VILLAGE, lon: 112.75, lat: -91, meters: 10) { distanceMeters } }`, "lat", "lat must be between -90 and 90"],
      [`{ coverage(level: VILLAGE, target: 1.5) { totalCount } }`, "target", "target must be between 0 and 1"],
      [`{ budgetView(input: { budget: 1000000, months: 61 }) { costPerWorker } }`, "input.months", "input.months must be between 1 and 60"],
    ];
    for (const [query, argument, message] of cases) {
      const { data, errors } = await run(db, query, undefined, ADMIN); // budgetView needs a planner, analyst or admin
      expect(data ?? null, query).toBeNull();
      expect(errors![0].extensions, query).toEqual({ code: "BAD_USER_INPUT", argumentName: argument });
      expect(errors![0].message, query).toContain(message);
    }
  });

  it("refuses mutations without the admin token (UNAUTHENTICATED) or with a wrong one (FORBIDDEN), and runs them with it", async () => {
    const create = CREATE_SESSION;
    const input = { title: "Sosialisasi MT I", startsOn: "2025-11-03", villageCode: "35.26.01.1001", targetSectors: ["FARMER" as const] };
    expect((await run(db, create, { input })).errors![0].extensions).toEqual({ code: "UNAUTHENTICATED" });
    expect((await run(db, create, { input }, "wrong-token-wrong-token-xx")).errors![0].extensions).toEqual({ code: "FORBIDDEN" });
    const ok = await run(db, create, { input }, ADMIN);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createSession).toMatchObject({ status: "PLANNED", targetSectors: ["FARMER"] });
    const cancelled = await run(db, CANCEL_SESSION, { id: ok.data!.createSession.id }, ADMIN);
    expect(cancelled.data!.cancelSession.status).toBe("CANCELLED");
  });

  it("answers spatial questions with PostGIS: nearest fertilizer points, regions near a point, the village containing a point", async () => {
    const village = (
      await db.sql.query<{ code: string; lon: number; lat: number }>(
        `SELECT code, ST_X(centroid) AS lon, ST_Y(centroid) AS lat FROM region WHERE code = '35.26.05.2001'`,
      )
    )[0];
    const { data } = await run(db, NEAR, { v: village.code, lon: village.lon, lat: village.lat });
    const d = data!.nearestFertilizerPoints.map((p) => p.distanceMeters);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    const [check] = await db.sql.query<{ m: number }>(
      `SELECT ST_Distance(p.geom::geography, v.centroid::geography) AS m FROM fertilizer_point p, region v WHERE v.code = $1 AND p.code = $2`,
      [village.code, data!.nearestFertilizerPoints[0].point.code],
    );
    expect(d[0]).toBeCloseTo(check.m, 3);
    expect(data!.regionsWithin[0]).toEqual({ distanceMeters: 0, region: { code: village.code } });
    expect(data!.locate).toEqual({ village: { code: village.code }, district: { code: village.code.slice(0, 8) } });
  });

  it("measures a query's depth as the depth limit counts it (http-api.test.ts sends one over the limit)", async () => {
    const { queryDepth } = await import("../server/graphql/limits.ts");
    const { parse } = await import("graphql");
    expect(queryDepth(parse(`{ region(code: "35.26") { children { children { parent { parent { code } } } } } }`))).toBe(6);
  });

  it("describes every type, field, argument and enum value, and schema.graphql matches the code", async () => {
    const schema: GraphQLSchema = await getSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
    expect(readFileSync(SCHEMA_FILE, "utf8"), "schema.graphql is stale: run npm run schema").toBe(await printedSchema());
  });
});
