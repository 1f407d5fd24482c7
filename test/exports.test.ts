import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { CSV_FIELDS } from "../server/export/coverage-csv.ts";
import { run } from "./support/graphql.ts";
import { openSeededApp, type RunningApp } from "./support/http.ts";

describe("GET /export/coverage.csv", () => {
  let db: Database;
  let app: RunningApp;
  let close: () => Promise<void>;
  beforeAll(async () => ({ db, app, close } = await openSeededApp()));
  afterAll(() => close?.());

  it("gives every row of the coverage query (all pages), the field names as header, in UTF-8", async () => {
    const res = await fetch(
      `${app.url}/export/coverage.csv?level=VILLAGE&sector=FARMER&maxCoverageRate=0.5&orderBy=UNCOVERED&direction=DESC`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("coverage.csv");
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await res.arrayBuffer());
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toEqual([...CSV_FIELDS]);
    const { data } = await run(
      db,
      `{ coverage(level: VILLAGE, sector: FARMER, maxCoverageRate: 0.5, orderBy: UNCOVERED, direction: DESC, first: 500) {
      totalCount edges { node { code name uncovered coverageRate } } } }`,
    );
    const nodes = data!.coverage.edges.map((e: any) => e.node);
    expect(rows).toHaveLength(data!.coverage.totalCount);
    expect(rows.length).toBeGreaterThan(50);
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[col("code")])).toEqual(nodes.map((n: any) => n.code));
    expect(rows.map((r) => Number(r[col("uncovered")]))).toEqual(nodes.map((n: any) => n.uncovered));
    expect(rows.every((r) => Number(r[col("coverageRate")]) <= 0.5)).toBe(true);
    // independent: the same villages from the summary table
    const [{ n }] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM coverage_summary WHERE period = '2025-09' AND sector_code = 'FARMER' AND workforce > 0 AND enrolled::float8 / workforce <= 0.5`,
    );
    expect(rows).toHaveLength(n);
  });

  it("answers a bad argument with 400 naming it, as JSON", async () => {
    const res = await fetch(`${app.url}/export/coverage.csv?level=VILLAGE&period=1999-01`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; code: string };
    expect(body.code).toBe("BAD_USER_INPUT");
    expect(body.error).toContain("period");
    const missing = await fetch(`${app.url}/export/coverage.csv`);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toContain("level");
  });
});
