import { ImportKind } from "../domain/vocabulary.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import type { BoundaryFeature } from "../server/regions/boundary-parsers.ts";
import { runImport } from "../server/imports/run-import.service.ts";
import { openTestDatabase } from "./support/db.ts";
import { bangkalanVillages, toGeoJson } from "./support/boundary-files.ts";
import { run } from "./support/graphql.ts";

const codes = (list: { code: string }[]) => list.map((v) => v.code);
describe("data-quality report after imports, on the Bangkalan boundaries", () => {
  let db: Database;
  let features: BoundaryFeature[];
  const RENAMED = "35.26.01.1999"; // a code the official list does not have, in a listed district
  let dropped: string[];
  const upload = (name: string, text: string) => ({ files: [{ name, data: new TextEncoder().encode(text) }] });

  beforeAll(async () => {
    db = await openTestDatabase();
    features = await bangkalanVillages();
  });
  afterAll(() => db?.close());

  it("after a boundary import missing villages and holding an unlisted code, lists both", async () => {
    // Drop three villages of district 35.26.05 and give one village of 35.26.01 a code the list lacks.
    dropped = features
      .filter((f) => f.code.startsWith("35.26.05."))
      .slice(0, 3)
      .map((f) => f.code);
    const renamedFrom = features.find((f) => f.code.startsWith("35.26.01."))!.code;
    const file = features
      .filter((f) => !dropped.includes(f.code))
      .map((f) => (f.code === renamedFrom ? { ...f, code: RENAMED, name: "Desa Baru" } : f));
    const outcome = await runImport(db.sql, {
      kind: ImportKind.BOUNDARIES,
      source: upload("partial.geojson", JSON.stringify(toGeoJson(file))),
      nikKey: "",
    });
    expect(outcome).toMatchObject({ rows: 278, unlisted: [RENAMED] });
    const q = outcome.quality!;
    expect(codes(q.missingBoundaries)).toEqual([renamedFrom, ...dropped].sort());
    expect(q.unlistedBoundaries).toEqual([{ code: RENAMED, name: "Desa Baru", districtCode: "35.26.01" }]);
    expect(q.officialVillages).toBe(281);
    expect(q.missingWorkforce).toHaveLength(282);
    // Independently: official villages stored without geometry.
    const [{ n }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM region WHERE level = 'VILLAGE' AND geom IS NULL`);
    expect(q.missingBoundaries).toHaveLength(n);
  });

  it("after a workforce import, villages with figures leave the list", async () => {
    const villages = [RENAMED, ...features.slice(10, 14).map((f) => f.code)];
    const csv = "village_code,sector,period,workers,source\n" + villages.map((c) => `${c},petani,2025,100,BPS`).join("\n") + "\n";
    const outcome = await runImport(db.sql, { kind: ImportKind.WORKFORCE, source: upload("workforce.csv", csv), nikKey: "" });
    expect(outcome.rows).toBe(villages.length);
    const missing = new Set(codes(outcome.quality!.missingWorkforce));
    for (const c of villages) expect(missing.has(c)).toBe(false);
    expect(missing.size).toBe(282 - villages.length);
    expect(outcome.quality!.villagesWithWorkforce).toBe(villages.length);
  });

  it("lists boundaries loaded before the official list changed, through the API, per district", async () => {
    // A village drawn under an older list: stored with a boundary, absent from today's list.
    await db.sql.query(
      `INSERT INTO region (code, level, name, parent_code, geom) SELECT '35.26.02.2999', 'VILLAGE', 'Desa Lama', '35.26.02', geom FROM region WHERE code = $1`,
      [features.find((f) => f.code.startsWith("35.26.02."))!.code],
    );
    const { data, errors } = await run(
      db,
      `{ dataQuality(regionCode: "35.26.02") {
      regionCode officialVillages villagesWithBoundary unlistedBoundaries { code name districtCode } missingBoundaries { code }
      byDistrict { code name officialVillages unlistedBoundaries missingWorkforce } } }`,
    );
    expect(errors).toBeUndefined();
    const [expected] = await db.sql.query<{ official: number; drawn: number }>(
      `SELECT count(*) FILTER (WHERE code <> $2 AND code <> '35.26.02.2999')::int AS official, count(geom)::int AS drawn FROM region WHERE level = 'VILLAGE' AND code LIKE $1`,
      ["35.26.02.%", RENAMED],
    );
    expect(data!.dataQuality).toMatchObject({
      regionCode: "35.26.02",
      officialVillages: expected.official,
      villagesWithBoundary: expected.drawn,
      missingBoundaries: [],
    });
    expect(data!.dataQuality.unlistedBoundaries).toEqual([{ code: "35.26.02.2999", name: "Desa Lama", districtCode: "35.26.02" }]);
    expect(data!.dataQuality.byDistrict).toEqual([
      {
        code: "35.26.02",
        name: expect.any(String),
        officialVillages: expected.official,
        unlistedBoundaries: 1,
        missingWorkforce: expected.official + 1 - features.slice(10, 14).filter((f) => f.code.startsWith("35.26.02.")).length,
      },
    ]);
    const whole = await run(db, `{ dataQuality { regionCode unlistedBoundaries { code } } }`);
    expect(whole.data!.dataQuality).toEqual({ regionCode: "35.26", unlistedBoundaries: [{ code: RENAMED }, { code: "35.26.02.2999" }] });
  });

  it("refuses an unknown region (NOT_FOUND) and a malformed code (BAD_USER_INPUT); a province covers its loaded regencies", async () => {
    const unknown = await run(db, `{ dataQuality(regionCode: "35.26.99") { regionCode } }`);
    expect(unknown.errors![0]).toMatchObject({
      message: expect.stringMatching(/no region with code "35\.26\.99"/),
      extensions: { code: "NOT_FOUND" },
    });
    const malformed = await run(db, `{ dataQuality(regionCode: "3526") { regionCode } }`);
    expect(malformed.errors![0].extensions).toEqual({ code: "BAD_USER_INPUT", argumentName: "regionCode" });
    const fields = "officialVillages villagesWithBoundary unlistedBoundaries { code } missingBoundaries { code }";
    const province = await run(
      db,
      `{ p: dataQuality(regionCode: "35") { regionCode ${fields} } r: dataQuality(regionCode: "35.26") { ${fields} } }`,
    );
    expect(province.errors).toBeUndefined();
    expect(province.data!.p).toEqual({ regionCode: "35", ...province.data!.r });
  });
});
