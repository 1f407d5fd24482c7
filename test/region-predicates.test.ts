// The SQL "inside region X" of domain/region-code.ts, on a real PostgreSQL: it agrees with the
// TypeScript predicate on codes that start alike (35.26.1 and 35.26.10), which the drifted
// `LIKE X || '%'` got wrong.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SQL_BELOW_REGION, SQL_IN_REGION, SQL_IN_REGION_OR_ALL } from "../domain/region-code.ts";
import type { ScratchDatabase } from "../server/db/scratch.ts";
import { openTestDatabase } from "./support/db.ts";

const CODES = ["35", "35.26", "35.26.1", "35.26.10", "35.26.1.1001", "35.26.10.1001", "35.261", "35.2"];

let db: ScratchDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

async function matching(predicate: string, region: string | null): Promise<string[]> {
  const rows = await db.sql.query<{ code: string }>(`SELECT code FROM unnest($2::text[]) AS t(code) WHERE ${predicate} ORDER BY code`, [
    region,
    CODES,
  ]);
  return rows.map((r) => r.code);
}

describe("SQL region predicates", () => {
  it("take the region and what lies inside it, never a code that merely starts alike", async () => {
    expect(await matching(SQL_IN_REGION("code", "$1"), "35.26.1")).toEqual(["35.26.1", "35.26.1.1001"]);
    expect(await matching(SQL_BELOW_REGION("code", "$1"), "35.26.1")).toEqual(["35.26.1.1001"]);
    expect(await matching(SQL_IN_REGION("code", "$1"), "35.26")).toEqual(
      ["35.26", "35.26.1", "35.26.1.1001", "35.26.10", "35.26.10.1001"].sort(),
    );
  });

  it("take every row when no region is given", async () => {
    expect(await matching(SQL_IN_REGION_OR_ALL("code", "$1"), null)).toEqual([...CODES].sort());
  });
});
