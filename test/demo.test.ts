import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { allocate, generateDemoWorkers, type DemoVillage } from "../server/demo/demo-data.ts";
import { DEMO_VILLAGES } from "../server/demo/demo.sql.ts";
import { readFileSync } from "node:fs";
import type { FeatureCollection } from "geojson";
import { Writable } from "node:stream";
import { pino } from "pino";
import { seedDemo } from "../server/demo/seed-demo.service.ts";
import { openTestDatabase, SHARED_VILLAGES } from "./support/db.ts";
import { TEST_NIK_KEY } from "./support/seeded.ts";
import { operation, run } from "./support/graphql.ts";
import type { DatasetBoundariesQuery } from "./generated/graphql.ts";

describe("the Bangkalan demo meets its calibration", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSeededDatabase();
  });
  afterAll(() => db?.close());

  const latest = (sector?: string) =>
    db.sql
      .query<{ w: number; e: number }>(
        `SELECT sum(workforce)::int AS w, sum(enrolled)::int AS e FROM coverage_summary WHERE period = '2025-09' AND ($1::text IS NULL OR sector_code = $1)`,
        [sector ?? null],
      )
      .then((r) => r[0]);

  it("has about 28,000 workers enrolled in September 2025", async () => {
    const all = await latest();
    expect(all.e).toBeGreaterThan(26_500);
    expect(all.e).toBeLessThan(29_500);
  });

  it("covers under half of farmers, nearly all fishers, livestock keepers in between; farmers the largest group", async () => {
    const [farmer, fisher, livestock] = await Promise.all([latest("FARMER"), latest("FISHER"), latest("LIVESTOCK")]);
    expect(farmer.e / farmer.w).toBeLessThan(0.5);
    expect(fisher.e / fisher.w).toBeGreaterThan(0.9);
    expect(livestock.e / livestock.w).toBeGreaterThan(farmer.e / farmer.w);
    expect(livestock.e / livestock.w).toBeLessThan(fisher.e / fisher.w);
    expect(farmer.w).toBeGreaterThan(fisher.w + livestock.w);
  });

  it("runs every enrollment in 12-month terms: active ones paid to a term end after September 2025, lapsed ones ended at a term end", async () => {
    const [row] = await db.sql.query<{ active: number; off: number; lapsed: number; future: number }>(
      `SELECT count(*) FILTER (WHERE status = 'ACTIVE')::int AS active,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM generate_series(1, 3) i WHERE end_date = (start_date + i * interval '12 months')::date))::int AS off,
              count(*) FILTER (WHERE status = 'ENDED')::int AS lapsed,
              count(*) FILTER (WHERE status = 'ACTIVE' AND end_date > date '2025-09-30' AND end_date <= date '2026-09-30')::int AS future
       FROM enrollment`,
    );
    expect(row.off).toBe(0);
    expect(row.future).toBe(row.active);
    // About one lapse for every 85/15 renewals, over the half of today's enrollees with a term end behind them.
    expect(row.lapsed / row.active).toBeGreaterThan(0.05);
    expect(row.lapsed / row.active).toBeLessThan(0.15);
  });

  it("varies farmers' coverage widely between villages", async () => {
    const [spread] = await db.sql.query<{ p10: number; p90: number }>(
      `SELECT percentile_cont(0.1) WITHIN GROUP (ORDER BY coverage_rate) AS p10, percentile_cont(0.9) WITHIN GROUP (ORDER BY coverage_rate) AS p90
       FROM coverage_summary WHERE period = '2025-09' AND sector_code = 'FARMER' AND workforce >= 30`,
    );
    expect(spread.p90 - spread.p10).toBeGreaterThan(0.3);
  });

  it("puts fishers only in coastal villages (touching the regency outline)", async () => {
    const [row] = await db.sql.query<{ inland: number; coastal: number }>(
      `SELECT count(*) FILTER (WHERE NOT ST_DWithin(v.geom, ST_Boundary(r.geom), 0.004))::int AS inland, count(*)::int AS coastal
       FROM workforce_estimate w JOIN region v ON v.code = w.village_code, region r
       WHERE r.code = '35.26' AND w.sector_code = 'FISHER' AND w.workers > 0`,
    );
    expect(row.coastal).toBeGreaterThan(20);
    expect(row.coastal).toBeLessThan(281 / 2); // most of Bangkalan's villages are inland
    expect(row.inland).toBe(0);
  });

  it("has 24 months of history, mostly DBHCHT-funded, with fertilizer points and the September 2025 socialization", async () => {
    const periods = await db.sql.query<{ period: string }>(`SELECT DISTINCT period FROM coverage_summary ORDER BY period`);
    expect(periods).toHaveLength(24);
    expect(periods.at(-1)!.period).toBe("2025-09");
    const [funding] = await db.sql.query<{ share: number }>(
      `SELECT avg((funding_source = 'DBHCHT')::int)::float8 AS share FROM enrollment`,
    );
    expect(funding.share).toBeGreaterThan(0.75);
    const points = await db.sql.query<{ kind: string; n: number }>(
      `SELECT kind::text, count(*)::int AS n FROM fertilizer_point GROUP BY kind ORDER BY kind`,
    );
    expect(points).toEqual([
      { kind: "KIOSK", n: expect.any(Number) },
      { kind: "WAREHOUSE", n: 18 },
    ]);
    const held = await db.sql.query(
      `SELECT 1 FROM outreach_session WHERE starts_on = date '2025-09-22' AND ends_on = date '2025-09-24' AND status = 'HELD'`,
    );
    expect(held).toHaveLength(1);
  });

  it("draws Bangkalan's real village boundaries shipped with the app, with no download", async () => {
    const shared = JSON.parse(readFileSync(SHARED_VILLAGES, "utf8")) as FeatureCollection;
    const expected = shared.features.map((f) => String(f.properties!.code)).sort();
    const villages = await db.sql.query<{ code: string }>(
      `SELECT code FROM region WHERE level = 'VILLAGE' AND geom IS NOT NULL ORDER BY code`,
    );
    expect(villages.map((v) => v.code)).toEqual(expected);
    // Each village's geometry is the shared file's (PostGIS compares them, not our parser).
    const sample = shared.features.filter((_, i) => i % 40 === 0);
    for (const f of sample) {
      const [same] = await db.sql.query<{ d: number }>(
        `SELECT ST_HausdorffDistance(geom, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)) AS d FROM region WHERE code = $1`,
        [f.properties!.code, JSON.stringify(f.geometry)],
      );
      expect(same.d, String(f.properties!.code)).toBeLessThan(1e-6);
    }
    const info = await db.sql.query<{ key: string; value: string }>(
      `SELECT key, value FROM dataset_info WHERE key LIKE 'boundar%' ORDER BY key`,
    );
    expect(Object.fromEntries(info.map((r) => [r.key, r.value]))).toMatchObject({
      boundaries_synthetic: "false",
      boundary_source: expect.stringContaining("cahya dsn"),
    });
  });

  it("is deterministic for a seed: the same seed gives the same workers, the seeded ones, and another seed others", async () => {
    const [a] = await db.sql.query<{ n: number; s: number }>(`SELECT count(*)::int AS n, sum(workers)::int AS s FROM workforce_estimate`);
    expect(a.s).toBe(36_000 + 9_500 + 7_400);
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    const villages = await db.sql.query<DemoVillage>(DEMO_VILLAGES, ["35.26"]);
    const first = generateDemoWorkers(villages, 1, "35.26.01");
    expect(generateDemoWorkers(villages, 1, "35.26.01")).toEqual(first);
    expect(generateDemoWorkers(villages, 2, "35.26.01").workforce).not.toEqual(first.workforce);
    const seeded = await db.sql.query<{ villageCode: string; sectorCode: string; workers: number }>(
      `SELECT village_code AS "villageCode", sector_code AS "sectorCode", workers FROM workforce_estimate ORDER BY 1, 2`,
    );
    const key = (w: { villageCode: string; sectorCode: string }) => `${w.villageCode} ${w.sectorCode}`;
    expect(seeded).toEqual(
      first.workforce
        .map(({ villageCode, sectorCode, workers }) => ({ villageCode, sectorCode, workers }))
        .sort((x, y) => (key(x) < key(y) ? -1 : 1)),
    );
  });
});

const DATASET_BOUNDARIES = operation<DatasetBoundariesQuery>(/* GraphQL */ `
  query DatasetBoundaries {
    datasetInfo {
      regencyCode
      boundariesSynthetic
      boundarySource
    }
  }
`);

describe("the demo of a regency without shipped boundaries, offline", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db?.close());

  it("falls back to generated boundaries, labelled synthetic in the log, the dataset info and every region", async () => {
    const lines: { level: number; msg: string }[] = [];
    const logger = pino(
      { level: "info" },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    // Sampang (35.27): no boundaries shipped; the download address answers nothing.
    await seedDemo(db, {
      regency: "35.27",
      seed: 1,
      urlTemplate: "http://127.0.0.1:9/{province}/{regency}.geojson",
      nikKey: TEST_NIK_KEY,
      logger,
    });
    const warnings = lines.filter((l) => l.level === 40).map((l) => l.msg);
    expect(warnings).toEqual([expect.stringMatching(/^Could not download boundaries \(.+\): using SYNTHETIC generated geometry\./)]);
    expect(lines.at(-1)!.msg).toMatch(/^Demo loaded: \d+ villages of 35\.27, \d+ synthetic enrollment records \(SYNTHETIC boundaries\)\.$/);
    const { data } = await run(db, DATASET_BOUNDARIES);
    expect(data!.datasetInfo).toEqual({ regencyCode: "35.27", boundariesSynthetic: true, boundarySource: "synthetic grid (offline demo)" });
    const [regions] = await db.sql.query<{ n: number; synthetic: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE synthetic)::int AS synthetic FROM region WHERE geom IS NOT NULL AND code LIKE '35.27%'`,
    );
    expect(regions.n).toBeGreaterThan(100);
    expect(regions.synthetic).toBe(regions.n);
  });
});
