import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { ImportRejected } from "../server/common/errors.ts";
import { parseWilayahSql, type BoundaryFeature } from "../server/regions/boundary-parsers.ts";
import { importBoundaries } from "../server/regions/boundary-import.service.ts";
import { openTestDatabase, SHARED_VILLAGES } from "./support/db.ts";
import { bangkalanVillages } from "./support/boundary-files.ts";
import { operation, run } from "./support/graphql.ts";
import type { LocateQuery, LocateQueryVariables } from "./generated/graphql.ts";

const LOCATE = operation<LocateQuery, LocateQueryVariables>(/* GraphQL */ `
  query Locate($lon: Float!, $lat: Float!) {
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

/** A village covering the whole world. */
const WORLD = {
  type: "Polygon",
  coordinates: [
    [
      [-180, -85],
      [180, -85],
      [180, 85],
      [-180, 85],
      [-180, -85],
    ],
  ],
} as never;

/** A square of `side` degrees with its south-west corner at (lon, lat). */
const square = (lon: number, lat: number, side: number) =>
  ({
    type: "Polygon",
    coordinates: [
      [
        [lon, lat],
        [lon + side, lat],
        [lon + side, lat + side],
        [lon, lat + side],
        [lon, lat],
      ],
    ],
  }) as never;

const snapshot = (db: Database) =>
  db.sql
    .query<{ n: number; geoms: number; area: number | null }>(
      `SELECT count(*)::int AS n, count(geom)::int AS geoms, sum(area_km2) AS area FROM region`,
    )
    .then((r) => r[0]);

describe("boundary import", () => {
  let db: Database;
  let features: BoundaryFeature[];
  beforeAll(async () => {
    db = await openTestDatabase();
    features = await bangkalanVillages();
  });
  afterAll(() => db?.close());

  const rejects = async (bad: BoundaryFeature[], pattern: RegExp) => {
    const before = await snapshot(db);
    const error = await importBoundaries(db.sql, bad, { source: "bad.geojson" }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect(error.message).toMatch(pattern);
    expect(await snapshot(db)).toEqual(before);
  };

  it("refuses a file in latitude/longitude order, naming the feature", async () => {
    const swapped = features.map((f, i) =>
      i === 3
        ? {
            ...f,
            geometry: {
              type: "Polygon",
              coordinates: [
                [
                  [-7, 112.7],
                  [-7, 112.8],
                  [-7.1, 112.8],
                  [-7, 112.7],
                ],
              ],
            } as never,
          }
        : f,
    );
    await rejects(swapped, new RegExp(`feature ${features[3].code}.*latitude/longitude order`));
  });

  it("refuses projected coordinates (metres)", async () => {
    const projected = features.map((f, i) =>
      i === 0
        ? {
            ...f,
            geometry: {
              type: "Polygon",
              coordinates: [
                [
                  [690000, 9220000],
                  [691000, 9220000],
                  [691000, 9221000],
                  [690000, 9220000],
                ],
              ],
            } as never,
          }
        : f,
    );
    await rejects(projected, /projected CRS/);
  });

  it("refuses duplicate codes and codes outside the official list", async () => {
    await rejects(
      [...features, { ...features[5], index: features.length + 1 }],
      new RegExp(`${features[5].code.replace(/\./g, "\\.")}.*duplicate of feature #6`),
    );
    await rejects(
      features.map((f, i) => (i === 7 ? { ...f, code: "35.26.99.2001" } : f)),
      /35\.26\.99\.2001.*not in the official Kemendagri code list/,
    );
  });

  it("refuses implausible boundaries with their reason: outside Indonesia, far from the regency, too large", async () => {
    const replacing = (i: number, geometry: never) => features.map((f, j) => (j === i ? { ...f, geometry } : f));
    const at = (i: number) => `feature ${features[i].code.replace(/\./g, "\\.")}, column geometry: `;
    await rejects(
      replacing(10, square(166.6, -77.9, 0.05)),
      new RegExp(`${at(10)}lies outside Indonesia: coordinate \\(166\\.6, -77\\.9\\)`),
    ); // Antarctica
    await rejects(replacing(11, WORLD), new RegExp(`${at(11)}lies outside Indonesia`)); // the whole world
    await rejects(replacing(12, square(2.3, 48.83, 0.05)), new RegExp(`${at(12)}lies outside Indonesia`)); // Paris
    // In Indonesia, but in Papua: about 2,900 km from Bangkalan.
    await rejects(
      replacing(13, square(138.9, -4.1, 0.05)),
      new RegExp(`${at(13)}is implausible: lies 2,\\d{3} km from the centre of the regency's other places \\(at most 100 km expected\\)`),
    );
    // Most of western Indonesia as one village.
    await rejects(
      replacing(14, square(95, -11, 17)),
      new RegExp(`${at(14)}is implausible: covers [\\d,]+ km2, more than any Indonesian regency \\(50,000 km2\\)`),
    );
    // Near Bangkalan, but larger than all of its other villages together.
    await rejects(
      replacing(15, square(112.6, -7.3, 0.6)),
      new RegExp(`${at(15)}is implausible: covers 4,\\d{3} km2, more than all the other features together`),
    );
  });

  it("imports the whole regency: 281 villages in 18 districts, about 1,300 km2 when real", async () => {
    const report = await importBoundaries(db.sql, features, { source: "villages.geojson" });
    expect(report.imported).toBe(281);
    const levels = await db.sql.query<{ level: string; n: number; area: number }>(
      `SELECT level::text, count(geom)::int AS n, sum(area_km2) AS area FROM region GROUP BY level ORDER BY level`,
    );
    const by = Object.fromEntries(levels.map((l) => [l.level, l]));
    expect(by.VILLAGE.n).toBe(281);
    expect(by.DISTRICT.n).toBe(18);
    expect(by.REGENCY.n).toBe(1);
    // The real boundaries are required (CI has them): the checks below would be meaningless on synthetic ones.
    expect(existsSync(SHARED_VILLAGES), `the real boundaries are missing: ${SHARED_VILLAGES} (checked out beside the repository)`).toBe(
      true,
    );
    expect(by.VILLAGE.area).toBeGreaterThan(1250);
    expect(by.VILLAGE.area).toBeLessThan(1350);
    expect(Math.abs(by.DISTRICT.area - by.VILLAGE.area)).toBeLessThan(5);
    // the union closes the slivers between villages: the regency has no holes, its outline is the coast and land border
    const [regency] = await db.sql.query<{ holes: number; parts: number }>(
      `SELECT sum(ST_NumInteriorRings(d.geom))::int AS holes, count(*)::int AS parts FROM region r, ST_Dump(r.geom) d WHERE r.code = '35.26'`,
    );
    expect(regency.holes).toBe(0);
    expect(regency.parts).toBeLessThanOrEqual(3);
    const [simplified] = await db.sql.query<{ full: number; low: number }>(
      `SELECT sum(ST_NPoints(geom))::int AS full, sum(ST_NPoints(geom_low))::int AS low FROM region WHERE level = 'VILLAGE'`,
    );
    expect(simplified.low).toBeLessThanOrEqual(simplified.full);
  });

  it("compares a partial file with the villages already loaded; locate never puts Paris in Bangkalan", async () => {
    const one = (geometry: never) => [{ ...features[20], geometry }];
    const at = `feature ${features[20].code.replace(/\./g, "\\.")}, column geometry: is implausible: `;
    await rejects(one(square(138.9, -4.1, 0.05)), new RegExp(`${at}lies 2,\\d{3} km from the centre`));
    await rejects(one(square(112.5, -7.6, 1.2)), new RegExp(`${at}covers [\\d,]+ km2, more than regency 35\\.26 \\([\\d,]+ km2\\)`));
    await rejects(one(WORLD), /lies outside Indonesia/);
    expect((await run(db, LOCATE, { lon: 2.3522, lat: 48.8566 })).data!.locate).toMatchObject({ village: null, district: null });
    const [inside] = await db.sql.query<{ code: string; lon: number; lat: number }>(
      `SELECT code, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM region WHERE code = $1`,
      [features[20].code],
    );
    expect((await run(db, LOCATE, { lon: inside.lon, lat: inside.lat })).data!.locate.village).toEqual({ code: inside.code });
  });

  it("repairs an invalid geometry with ST_MakeValid and reports it", async () => {
    const bowtie = {
      type: "Polygon",
      coordinates: [
        [
          [112.74, -7.03],
          [112.76, -7.05],
          [112.76, -7.03],
          [112.74, -7.05],
          [112.74, -7.03],
        ],
      ],
    };
    const target = features.find((f) => f.code === "35.26.01.1001") ?? features[0];
    const report = await importBoundaries(
      db.sql,
      features.map((f) => (f === target ? { ...f, geometry: bowtie as never } : f)),
      { source: "repaired.geojson" },
    );
    expect(report.repaired.map((r) => r.code)).toEqual([target.code]);
    expect(report.repaired[0].reason).toMatch(/Self-intersection/i);
    const [row] = await db.sql.query<{ valid: boolean }>(`SELECT ST_IsValid(geom) AS valid FROM region WHERE code = $1`, [target.code]);
    expect(row.valid).toBe(true);
    await importBoundaries(db.sql, features, { source: "villages.geojson" });
  });

  it("simplifies as a coverage: neighbours' simplified outlines still share their border, without overlaps", async () => {
    await importBoundaries(db.sql, features, { source: "villages.geojson" });
    for (const column of ["geom_medium", "geom_low"] as const) {
      // Pairs of villages whose full outlines share more than 200 m of border, computed here with PostGIS.
      const pairs = await db.sql.query<{ a: string; b: string; shared: number; kept: number; overlap: number; overlapBefore: number }>(
        `SELECT a.code AS a, b.code AS b,
                ST_Area(ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 3)::geography) AS "overlapBefore",
                ST_Length(ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 2)::geography) AS shared,
                ST_Length(ST_CollectionExtract(ST_Intersection(a.${column}, b.${column}), 2)::geography) AS kept,
                ST_Area(ST_CollectionExtract(ST_Intersection(a.${column}, b.${column}), 3)::geography) AS overlap
         FROM region a JOIN region b ON a.code < b.code AND a.geom && b.geom
         WHERE a.level = 'VILLAGE' AND b.level = 'VILLAGE'
           AND ST_Length(ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 2)::geography) > 200`,
      );
      expect(pairs.length, column).toBeGreaterThan(300);
      // Simplified independently, neighbours' edges part: gaps and overlaps where a border was.
      const parted = pairs.filter((p) => p.kept < 0.5 * p.shared);
      expect(parted.length / pairs.length, `${column}: ${parted.length} borders parted, e.g. ${JSON.stringify(parted[0])}`).toBeLessThan(
        0.02,
      );
      // The source's own overlaps (villages digitised one by one) may stay and shift a little; all the
      // overlap simplification adds stays under 0.5% of the villages' area. (ST_CoverageSimplify adds
      // none; server PostGIS before 3.6 snaps to a grid instead, which at geom_low adds 0.2%, two pairs
      // overlapping by 4-5 ha.)
      const [{ area }] = await db.sql.query<{ area: number }>(`SELECT sum(area_km2) * 1e6 AS area FROM region WHERE level = 'VILLAGE'`);
      const added = pairs.reduce((sum, p) => sum + Math.max(0, p.overlap - p.overlapBefore), 0);
      expect(added / area, `${column}: overlap added between neighbours, share of the area`).toBeLessThan(0.005);
    }
  });

  it("refuses a village lying outside its imported district, naming both", async () => {
    // Districts imported as files of their own (the union of their villages), so the check has a reference.
    const districts = await db.sql.query<{ code: string; name: string; geojson: string }>(
      `SELECT d.code, d.name, ST_AsGeoJSON(ST_Union(v.geom)) AS geojson
       FROM region d JOIN region v ON v.parent_code = d.code
       WHERE d.level = 'DISTRICT' AND v.level = 'VILLAGE' GROUP BY d.code, d.name ORDER BY d.code`,
    );
    expect(districts.length).toBe(18);
    await importBoundaries(
      db.sql,
      districts.map((d, index) => ({ index, code: d.code, name: d.name, geometry: JSON.parse(d.geojson) })),
      { source: "districts.geojson" },
    );
    // Dakiring (35.26.02) given the outline of a village of another district.
    const moved = "35.26.02.2008";
    const elsewhere = features.find((f) => f.code.startsWith("35.26.03."))!;
    await rejects(
      features.map((f) => (f.code === moved ? { ...f, geometry: elsewhere.geometry } : f)),
      /feature 35\.26\.02\.2008, column geometry: lies outside its district 35\.26\.02: only 0% of its area is inside/,
    );
  });

  it("reads the wilayah_boundaries SQL rows, latitude first, Polygon or MultiPolygon", () => {
    const text = `INSERT INTO wilayah_boundaries (kode,nama,lat,lng,path) VALUES
 ('35.26.01.1001','Mlajah',-7.03,112.74,'[[[-7.03,112.74],[-7.04,112.74],[-7.04,112.75],[-7.03,112.74]]]'),
 ('35.26.01.1002','Pejagan',-7.05,112.75,'[[[[-7.05,112.75],[-7.06,112.75],[-7.06,112.76],[-7.05,112.75]]],[[[-7.07,112.77],[-7.08,112.77],[-7.08,112.78],[-7.07,112.77]]]]');`;
    const parsed = parseWilayahSql(text, "dump.sql");
    expect(parsed.map((f) => [f.code, f.name, f.geometry?.type])).toEqual([
      ["35.26.01.1001", "Mlajah", "Polygon"],
      ["35.26.01.1002", "Pejagan", "MultiPolygon"],
    ]);
    expect((parsed[0].geometry as { coordinates: number[][][] }).coordinates[0][0]).toEqual([112.74, -7.03]);
  });
});
