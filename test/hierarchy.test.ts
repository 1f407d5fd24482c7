import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { getVillages } from "idn-area-data";
import { ImportKind, type RegionLevel } from "../domain/vocabulary.ts";
import type { Database } from "../server/db/database.ts";
import type { BoundaryFeature } from "../server/regions/boundary-parsers.ts";
import { runImport } from "../server/imports/run-import.service.ts";
import { officialRegency } from "../server/regions/official-codes.ts";
import { syntheticRegionBoundaries } from "../server/demo/synthetic-region.ts";
import { SYNTHETIC_ENROLLMENTS, SYNTHETIC_WORKFORCE } from "../server/demo/synthetic-region.sql.ts";
import { refreshCoverageSummary } from "../server/coverage/refresh.sql.ts";
import { TileService } from "../server/tiles/tile.service.ts";
import { openTestDatabase } from "./support/db.ts";
import { bangkalanVillages, toGeoJson } from "./support/boundary-files.ts";
import { run } from "./support/graphql.ts";
import { startApp, type RunningApp } from "./support/http.ts";

// Two regencies in two provinces: Bangkalan (35.26, its real boundaries) and Tanah Laut (63.01,
// Kalimantan Selatan, a generated grid), imported from one file.
const LEVELS: [RegionLevel, number][] = [
  ["PROVINCE", 2],
  ["REGENCY", 5],
  ["DISTRICT", 8],
  ["VILLAGE", 13],
];
const upload = (name: string, features: BoundaryFeature[]) => ({
  files: [{ name, data: new TextEncoder().encode(JSON.stringify(toGeoJson(features))) }],
});

/** A tile's bounds in longitude/latitude, from the Web Mercator tile formulas (not from PostGIS). */
function tileBounds(z: number, x: number, y: number): [number, number, number, number] {
  const lon = (i: number) => (i / 2 ** z) * 360 - 180;
  const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / 2 ** z))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}
const tileOf = (lon: number, lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * 2 ** z),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z),
  };
};

describe("more than one regency: two regencies in two provinces from one file", () => {
  let db: Database;
  let app: RunningApp;
  let bangkalan: BoundaryFeature[];
  let tanahLaut: BoundaryFeature[];

  beforeAll(async () => {
    db = await openTestDatabase();
    bangkalan = await bangkalanVillages();
    tanahLaut = syntheticRegionBoundaries([(await officialRegency("63.01"))!]);
    app = await startApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("imports both regencies from one file, with one data-quality report per regency", async () => {
    const outcome = await runImport(db.sql, {
      kind: ImportKind.BOUNDARIES,
      source: upload("both.geojson", [...tanahLaut, ...bangkalan]),
      nikKey: "",
    });
    expect(outcome.rows).toBe(bangkalan.length + tanahLaut.length);
    expect(outcome.qualityByRegency.map((q) => q.regionCode)).toEqual(["35.26", "63.01"]);
    expect(outcome.quality).toBeNull(); // the file spans two provinces: no one region holds it
    const official = await getVillages();
    for (const q of outcome.qualityByRegency) {
      const [{ drawn }] = await db.sql.query<{ drawn: number }>(
        `SELECT count(*)::int AS drawn FROM region WHERE level = 'VILLAGE' AND geom IS NOT NULL AND code LIKE $1`,
        [`${q.regionCode}.%`],
      );
      expect(q.officialVillages).toBe(official.filter((v) => v.code.startsWith(`${q.regionCode}.`)).length);
      expect(q.villagesWithBoundary).toBe(drawn);
      expect(q.missingBoundaries).toEqual([]);
    }
    const derived = await db.sql.query<{ code: string }>(
      `SELECT code FROM region WHERE level = 'PROVINCE' AND geom IS NOT NULL ORDER BY code`,
    );
    expect(derived.map((r) => r.code)).toEqual(["35", "63"]);

    const { data, errors } = await run(
      db,
      `{ datasetInfo { provinces { code } regencies { code name } root { code } regencyCode bbox tileUrl } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.datasetInfo).toMatchObject({
      provinces: [{ code: "35" }, { code: "63" }],
      regencies: [
        { code: "35.26", name: "Bangkalan" },
        { code: "63.01", name: "Tanah Laut" },
      ],
      root: null,
      regencyCode: null,
    });
    const [box] = await db.sql.query<{ b: number[] }>(
      `SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)] AS b FROM (SELECT ST_Extent(geom)::geometry AS e FROM region WHERE level = 'VILLAGE') x`,
    );
    data!.datasetInfo.bbox.forEach((v: number, i: number) => expect(v).toBeCloseTo(box.b[i], 6));
    expect(data!.datasetInfo.tileUrl).toMatch(/^\/tiles\/\{level\}\/\{z\}\/\{x\}\/\{y\}\.pbf\?v=\d+$/);
  });

  it("gives coverage at every level, and the nation's, equal to sums over the raw tables", async () => {
    await db.sql.transaction(async (tx) => {
      await tx.query(SYNTHETIC_WORKFORCE, [null, 7, "2025-01"]);
      await tx.query(SYNTHETIC_ENROLLMENTS, [null, 7, 0.1]);
      await refreshCoverageSummary(tx);
    });
    const { data: p } = await run(db, `{ periods }`);
    const period: string = p!.periods.at(-1);
    const [year, month] = period.split("-").map(Number);
    const nextMonth = `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, "0")}-01`;
    const expected = async (length: number) => {
      const rows = await db.sql.query<{ code: string; workforce: number; enrolled: number }>(
        `SELECT r.code,
                coalesce((SELECT sum(workers) FROM workforce_estimate w WHERE left(w.village_code, $1) = r.code AND w.period <= $3), 0)::int AS workforce,
                (SELECT count(*) FROM enrollment e WHERE left(e.village_code, $1) = r.code AND e.start_date < $2::date
                   AND (e.end_date IS NULL OR e.end_date >= $2::date))::int AS enrolled
         FROM region r WHERE length(r.code) = $1 ORDER BY r.code`,
        [length, nextMonth, period],
      );
      return rows;
    };
    for (const [level, length] of LEVELS) {
      const want = await expected(length);
      const { data, errors } = await run(db, `query($level: RegionLevel!) { mapValues(level: $level) { code level workforce enrolled } }`, {
        level,
      });
      expect(errors).toBeUndefined();
      const got = [...data!.mapValues].sort((a, b) => a.code.localeCompare(b.code));
      expect(got).toEqual(want.map((w) => ({ ...w, level })));
      expect(want.some((w) => w.enrolled > 0)).toBe(true);
    }
    const villages63 = (await expected(13)).filter((w) => w.code.startsWith("63."));
    const within = await run(db, `{ mapValues(level: VILLAGE, within: "63") { code workforce enrolled } }`);
    expect([...within.data!.mapValues].sort((a, b) => a.code.localeCompare(b.code))).toEqual(villages63);

    const all = await expected(2);
    const total = { workforce: all.reduce((s, r) => s + r.workforce, 0), enrolled: all.reduce((s, r) => s + r.enrolled, 0) };
    const nation = await run(
      db,
      `{ coverage(level: PROVINCE) { totalCount total { code workforce enrolled } }
         coverageSummary { region { code name } workforce enrolled bySector { workforce } }
         coverageSeries(months: 1) { workforce enrolled }
         province: coverageSummary(code: "63") { workforce enrolled } }`,
    );
    expect(nation.errors).toBeUndefined();
    expect(nation.data!.coverage).toEqual({ totalCount: 2, total: { code: null, ...total } });
    expect(nation.data!.coverageSummary).toMatchObject({ region: { code: "", name: "Indonesia" }, ...total });
    expect(nation.data!.coverageSummary.bySector.reduce((s: number, x: { workforce: number }) => s + x.workforce, 0)).toBe(total.workforce);
    expect(nation.data!.coverageSeries).toEqual([total]);
    const p63 = all.find((r) => r.code === "63")!;
    expect(nation.data!.province).toEqual({ workforce: p63.workforce, enrolled: p63.enrolled });
  });

  it("re-importing one regency leaves the other untouched", async () => {
    const snapshot = () =>
      db.sql.query(
        `SELECT code, name, source, md5(ST_AsEWKB(geom)::text) AS g, md5(ST_AsEWKB(geom_medium)::text) AS m, md5(ST_AsEWKB(geom_low)::text) AS l,
                (SELECT count(*) FROM coverage_summary c WHERE c.village_code = r.code)::int AS summary
         FROM region r WHERE code LIKE '63%' AND level <> 'PROVINCE' ORDER BY code`,
      );
    const before = await snapshot();
    const renamed = bangkalan.map((f, i) => (i === 0 ? { ...f, name: "Desa Diganti" } : f));
    const outcome = await runImport(db.sql, { kind: ImportKind.BOUNDARIES, source: upload("bangkalan.geojson", renamed), nikKey: "" });
    expect(outcome.qualityByRegency.map((q) => q.regionCode)).toEqual(["35.26"]);
    expect(outcome.quality!.regionCode).toBe("35.26");
    expect(await snapshot()).toEqual(before);
    expect(before.length).toBeGreaterThan(tanahLaut.length);
  });

  it("refuses a file naming a regency missing from the official list, changing nothing", async () => {
    const [{ n: before }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM region`);
    const stray = { ...bangkalan[0], code: "35.99.01.2001", index: 2 };
    await expect(
      runImport(db.sql, { kind: ImportKind.BOUNDARIES, source: upload("stray.geojson", [bangkalan[1], stray]), nikKey: "" }),
    ).rejects.toMatchObject({
      problems: [{ feature: "35.99.01.2001", reason: expect.stringMatching(/regency 35\.99.*not in the official list/) }],
    });
    const [{ n: after }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM region`);
    expect(after).toBe(before);
  });

  it("serves vector tiles holding exactly the regions that intersect each tile, with code and name only", async () => {
    // PostGIS makes them on a server; embedded PGlite cannot (no protobuf-c), so geojson-vt does.
    expect(await new TileService(db.sql).usesPostgis()).toBe(db.mode === "server");
    const cases: { level: RegionLevel; z: number; at: string }[] = [
      { level: "PROVINCE", z: 5, at: "63" },
      { level: "REGENCY", z: 8, at: "35.26" },
      { level: "DISTRICT", z: 8, at: "63.01" },
      { level: "VILLAGE", z: 11, at: "35.26.01" },
      { level: "VILLAGE", z: 11, at: "63.01.01" },
    ];
    for (const c of cases) {
      const [centre] = await db.sql.query<{ lon: number; lat: number }>(
        `SELECT ST_X(centroid) AS lon, ST_Y(centroid) AS lat FROM region WHERE code = $1`,
        [c.at],
      );
      const { x, y } = tileOf(centre.lon, centre.lat, c.z);
      const res = await fetch(`${app.url}/tiles/${c.level.toLowerCase()}/${c.z}/${x}/${y}.pbf`);
      expect(res.status).toBe(200);
      const tile = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer())));
      expect(Object.keys(tile.layers)).toEqual([c.level.toLowerCase()]);
      const layer = tile.layers[c.level.toLowerCase()];
      const codes = new Set<string>();
      for (let i = 0; i < layer.length; i++) {
        const f = layer.feature(i);
        expect(Object.keys(f.properties).sort()).toEqual(["code", "name"]);
        codes.add(String(f.properties.code));
      }
      // Every region well inside the tile is in it; nothing beyond the tile and its buffer (64 of 4096) is.
      const [w, s, e, n] = tileBounds(c.z, x, y);
      const near = async (margin: number) =>
        (
          await db.sql.query<{ code: string }>(
            `SELECT code FROM region WHERE level = $1::text::"RegionLevel" AND geom IS NOT NULL
               AND ST_Intersects(geom, ST_MakeEnvelope($2, $3, $4, $5, 4326)) ORDER BY code`,
            [c.level, w + margin * (e - w), s + margin * (n - s), e - margin * (e - w), n - margin * (n - s)],
          )
        ).map((r) => r.code);
      const inner = await near(0.03);
      const outer = new Set(await near(-0.05));
      expect(inner.length).toBeGreaterThan(0);
      for (const code of inner) expect(codes.has(code), `${code} in tile ${c.z}/${x}/${y}`).toBe(true);
      for (const code of codes) expect(outer.has(code), `${code} near tile ${c.z}/${x}/${y}`).toBe(true);
    }
  });

  it("makes tiles cacheable by data version and refuses a bad address", async () => {
    const url = `${app.url}/tiles/village/11/1692/1049.pbf`;
    const first = await fetch(url);
    const etag = first.headers.get("etag")!;
    const [{ version }] = await db.sql.query<{ version: string }>(`SELECT version::text AS version FROM data_version`);
    expect(etag).toBe(`"${version}"`);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    expect((await fetch(url, { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await fetch(`${url}?v=${version}`)).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const bad = await fetch(`${app.url}/tiles/village/3/9/0.pbf`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "Bad tile address: x and y must be below 2^z (8) at zoom 3.", code: "BAD_USER_INPUT" });
    expect((await fetch(`${app.url}/tiles/kota/3/1/1.pbf`)).status).toBe(400);
  });
});
