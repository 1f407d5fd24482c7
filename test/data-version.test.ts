// The response cache reuses an answer while data_version is unchanged, so every table a cacheable
// query reads must bump it on every write. Here PostgreSQL itself names the tables: each statement
// the cacheable fields send is EXPLAINed and the relations in its plan are collected.
import { getNamedType, isObjectType, isLeafType, type GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { getSchema } from "../server/graphql/schema.ts";
import { CACHEABLE_FIELDS } from "../server/graphql/response-cache.ts";
import { run } from "./support/graphql.ts";
import { openSeededDatabase } from "./support/seeded.ts";

/** Arguments for each cacheable root field (the rest take none or have defaults). */
const ARGS: Record<string, string> = {
  coverage: `(level: VILLAGE, first: 500)`,
  mapValues: `(level: VILLAGE)`,
  coverageSeries: `(code: "35.26.10", sector: FARMER)`,
  coverageSummary: `(code: "35.26")`,
  region: `(code: "35.26")`,
  regions: `(level: DISTRICT)`,
  searchRegions: `(query: "bang")`,
  regionGeometries: `(level: DISTRICT)`,
  regionsWithin: `(level: VILLAGE, lon: 112.75, lat: -7.04, meters: 3000)`,
  regionsIntersecting: `(level: VILLAGE, bbox: [112.7, -7.1, 112.8, -7.0])`,
  locate: `(lon: 112.75, lat: -7.04)`,
  nearestFertilizerPoints: `(villageCode: "35.26.01.1001")`,
  dataQuality: `(regionCode: "35.26")`,
};

/** Every field without required arguments, objects followed `depth` levels down. */
function selection(type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((a) => a.defaultValue !== undefined || !("ofType" in a.type)));
  return `{ ${fields
    .map((f) => {
      const named = getNamedType(f.type);
      if (isLeafType(named)) return f.name;
      if (isObjectType(named) && depth > 0) return `${f.name} ${selection(named, depth - 1)}`;
      return null;
    })
    .filter(Boolean)
    .join(" ")} }`;
}

function relations(plan: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(plan)) plan.forEach((p) => relations(p, into));
  else if (plan && typeof plan === "object")
    for (const [k, v] of Object.entries(plan)) k === "Relation Name" ? into.add(String(v)) : relations(v, into);
  return into;
}

describe("data_version and the response cache", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSeededDatabase();
  });
  afterAll(() => db?.close());

  it("every table read by a cacheable query has the statement trigger that bumps data_version", async () => {
    const schema = await getSchema();
    const query = schema.getQueryType()!;
    const fields = [...CACHEABLE_FIELDS].filter((f) => f !== "__typename");
    // Record the statements the cacheable fields send.
    const statements: { text: string; params?: unknown[] }[] = [];
    const plain = db.sql.query.bind(db.sql);
    db.sql.query = ((text: string, params?: unknown[]) => {
      statements.push({ text, params });
      return plain(text, params);
    }) as typeof db.sql.query;
    try {
      for (const name of fields) {
        const field = query.getFields()[name];
        expect(field, `${name} is in CACHEABLE_FIELDS but not in the schema`).toBeDefined();
        const named = getNamedType(field!.type);
        const source = `{ ${name}${ARGS[name] ?? ""} ${isObjectType(named) ? selection(named, 3) : ""} }`;
        const { errors } = await run(db, source);
        expect(errors, `${name}: ${source}`).toBeUndefined();
      }
    } finally {
      db.sql.query = plain;
    }
    const read = new Set<string>();
    for (const s of statements) {
      if (!/^\s*(WITH|SELECT)\b/i.test(s.text)) continue;
      const plan = await db.sql.query(`EXPLAIN (FORMAT JSON) ${s.text}`, s.params);
      relations(plan, read);
    }
    read.delete("data_version");
    expect([...read]).toEqual(expect.arrayContaining(["region", "coverage_summary", "fertilizer_point", "distribution_schedule"]));
    const triggered = await db.sql.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE p.proname = 'bump_data_version' AND NOT t.tgisinternal AND t.tgenabled <> 'D'
         AND (t.tgtype & 1) = 0          -- FOR EACH STATEMENT
         AND (t.tgtype & (4 | 8 | 16 | 32)) = (4 | 8 | 16 | 32)  -- INSERT, DELETE, UPDATE, TRUNCATE`,
    );
    const withTrigger = new Set(triggered.map((t) => t.table));
    expect(
      [...read].filter((t) => !withTrigger.has(t)).sort(),
      "tables read by cacheable queries without the data_version trigger",
    ).toEqual([]);
  });
});
