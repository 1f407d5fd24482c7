import { unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync } from "fflate";
import { decodeUploads } from "../server/imports/import-upload.service.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import type { BoundaryFeature } from "../server/regions/boundary-parsers.ts";
import { openTestDatabase } from "./support/db.ts";
import { bangkalanVillages, toShapefileZip } from "./support/boundary-files.ts";
import { ADMIN, run } from "./support/graphql.ts";
import { NIK_FORMS, showsNik } from "./support/niks.ts";

const IMPORT = `mutation ($kind: ImportKind!, $files: [ImportFileInput!]!, $level: RegionLevel) {
  importFile(kind: $kind, files: $files, level: $level) {
    kind source rows alreadyImported level unlisted repaired { code }
    dataQuality { officialVillages villagesWithBoundary missingBoundaries { code } missingWorkforce { code } }
  }
}`;
const b64 = (data: Uint8Array) => Buffer.from(data).toString("base64");
const NIKS = Array.from({ length: 210 }, (_, i) => `35260100${String(i).padStart(8, "0")}`);
const ENROLL_HEADER = "nik,name,village_code,sector,programs,start_date,end_date,status,funding_source\n";

/**
 * A zip bomb: `mb` MB of zeros as bomb.shp (about 1 KB per MB compressed) beside a small bomb.dbf.
 */
function zipBomb(mb: number): Buffer {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  const shp = new ZipDeflate("bomb.shp", { level: 1 });
  zip.add(shp);
  const zeros = new Uint8Array(1024 * 1024);
  for (let i = 0; i < mb; i++) shp.push(zeros, i === mb - 1);
  const dbf = new ZipPassThrough("bomb.dbf");
  zip.add(dbf);
  dbf.push(new Uint8Array(32), true);
  zip.end();
  return Buffer.concat(out);
}

/** The same zip, its directory declaring each entry `size` bytes, as a hostile file would. */
function lyingAbout(zip: Buffer, size: number): Buffer {
  const bytes = Buffer.from(zip);
  for (let at = bytes.indexOf("PK\x01\x02", 0, "latin1"); at >= 0; at = bytes.indexOf("PK\x01\x02", at + 4, "latin1"))
    bytes.writeUInt32LE(size, at + 24); // central directory: uncompressed size
  return bytes;
}

/** Everything an import can change. */
const snapshot = (db: Database) =>
  db.sql
    .query(
      `SELECT (SELECT count(*) FROM region)::int AS regions, (SELECT count(geom) FROM region)::int AS geoms,
      (SELECT coalesce(sum(area_km2), 0) FROM region) AS area, (SELECT string_agg(DISTINCT source, ',') FROM region) AS sources,
      (SELECT count(*) FROM workforce_estimate)::int AS workforce, (SELECT count(*) FROM enrollment)::int AS enrollments,
      (SELECT count(*) FROM coverage_summary)::int AS summary, (SELECT count(*) FROM import_run)::int AS runs`,
    )
    .then((r) => r[0]);

describe("importFile mutation (uploaded files, admin only)", () => {
  let db: Database;
  let features: BoundaryFeature[];
  let zip: Uint8Array;
  beforeAll(async () => {
    db = await openTestDatabase();
    features = await bangkalanVillages();
    zip = await toShapefileZip(features);
  });
  afterAll(() => db?.close());

  it("is refused without the admin token (UNAUTHENTICATED) or with a wrong one (FORBIDDEN), changing nothing", async () => {
    const before = await snapshot(db);
    const variables = { kind: "BOUNDARIES", files: [{ name: "villages.zip", base64: b64(zip) }] };
    expect((await run(db, IMPORT, variables)).errors![0].extensions).toEqual({ code: "UNAUTHENTICATED" });
    expect((await run(db, IMPORT, variables, "not-the-admin-token-000000")).errors![0].extensions).toEqual({ code: "FORBIDDEN" });
    expect(await snapshot(db)).toEqual(before);
    expect(before.geoms).toBe(0);
  });

  it("imports boundaries from a base64 shapefile .zip as the CLI does, with the data-quality report", async () => {
    const { data, errors } = await run(db, IMPORT, { kind: "BOUNDARIES", files: [{ name: "villages.zip", base64: b64(zip) }] }, ADMIN);
    expect(errors).toBeUndefined();
    expect(data!.importFile).toMatchObject({
      kind: "BOUNDARIES",
      source: "villages.zip",
      rows: 281,
      level: "VILLAGE",
      unlisted: [],
      alreadyImported: false,
    });
    expect(data!.importFile.dataQuality).toMatchObject({ officialVillages: 281, villagesWithBoundary: 281, missingBoundaries: [] });
    expect(data!.importFile.dataQuality.missingWorkforce).toHaveLength(281);
    const levels = await db.sql.query(
      `SELECT level::text, count(geom)::int AS n FROM region WHERE source IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    expect(levels).toEqual([
      { level: "DISTRICT", n: 18 },
      { level: "PROVINCE", n: 1 },
      { level: "REGENCY", n: 1 },
      { level: "VILLAGE", n: 281 },
    ]);
  });

  it("imports boundaries from a .shp and .dbf pair", async () => {
    const part = unzipSync(await toShapefileZip(features.slice(0, 40)));
    const file = (ext: string) => ({ name: `part.${ext}`, base64: b64(Object.entries(part).find(([n]) => n.endsWith(`.${ext}`))![1]) });
    const { data, errors } = await run(db, IMPORT, { kind: "BOUNDARIES", files: [file("shp"), file("dbf")] }, ADMIN);
    expect(errors).toBeUndefined();
    expect(data!.importFile).toMatchObject({ source: "part.shp + part.dbf", rows: 40 });
    const [{ n }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM region WHERE source = 'part.shp + part.dbf'`);
    expect(n).toBe(40);
  });

  it("rejects a shapefile in a projected CRS with BAD_USER_INPUT, and the database is unchanged", async () => {
    const entries = unzipSync(zip);
    const prj = Object.keys(entries).find((n) => n.endsWith(".prj"))!;
    entries[prj] = new TextEncoder().encode('PROJCS["WGS_1984_UTM_Zone_49S",GEOGCS["GCS_WGS_1984"]]');
    const before = await snapshot(db);
    const { data, errors } = await run(
      db,
      IMPORT,
      { kind: "BOUNDARIES", files: [{ name: "utm.zip", base64: b64(zipSync(entries)) }] },
      ADMIN,
    );
    expect(data).toBeNull();
    expect(errors![0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "files",
      problems: [{ reason: expect.stringMatching(/projected CRS/) }],
    });
    expect(errors![0].message).toMatch(/^utm\.zip: 1 problem\(s\); nothing was imported\.\n.*projected CRS/);
    expect(await snapshot(db)).toEqual(before);
  });

  it("imports workforce as CSV text and enrollments as base64 CSV", async () => {
    const villages = features.slice(0, 3).map((f) => f.code);
    const workforce = "kode_desa,sektor,periode,jumlah_pekerja,sumber\n" + villages.map((c) => `${c},petani,2025,200,BPS`).join("\n");
    const w = await run(db, IMPORT, { kind: "WORKFORCE", files: [{ name: "pekerja.csv", text: workforce }] }, ADMIN);
    expect(w.errors).toBeUndefined();
    expect(w.data!.importFile).toMatchObject({ kind: "WORKFORCE", rows: 3, level: null });
    expect(w.data!.importFile.dataQuality.missingWorkforce).toHaveLength(278);
    const enrollments =
      ENROLL_HEADER +
      NIKS.slice(0, 2)
        .map((nik) => `${nik},Siti,${villages[0]},petani,JKK+JKM,2025-01-05,,aktif,DBHCHT`)
        .join("\n");
    const e = await run(
      db,
      IMPORT,
      { kind: "ENROLLMENTS", files: [{ name: "peserta.csv", base64: b64(new TextEncoder().encode(enrollments)) }] },
      ADMIN,
    );
    expect(e.errors).toBeUndefined();
    expect(e.data!.importFile).toMatchObject({ kind: "ENROLLMENTS", rows: 2, alreadyImported: false });
    const [row] = await db.sql.query(
      `SELECT sum(enrolled)::int AS enrolled FROM coverage_summary WHERE village_code = $1 AND period = (SELECT max(period) FROM coverage_summary)`,
      [villages[0]],
    );
    expect(row).toEqual({ enrolled: 2 });
    const again = await run(db, IMPORT, { kind: "ENROLLMENTS", files: [{ name: "peserta.csv", text: enrollments }] }, ADMIN);
    expect(again.data!.importFile).toMatchObject({ rows: 0, alreadyImported: true });
  });

  it("serialises concurrent imports: two files at once, and the same file twice at once, all succeed", async () => {
    const before = (await snapshot(db)) as Record<string, number>;
    const villages = features.slice(10, 40).map((f) => f.code);
    const workforce = (period: string) =>
      "kode_desa,sektor,periode,jumlah_pekerja,sumber\n" + villages.map((c) => `${c},nelayan,${period},50,BPS`).join("\n");
    const enrollments =
      ENROLL_HEADER +
      NIKS.slice(100, 130)
        .map((nik, i) => `${nik},Siti,${villages[i]},nelayan,JKK,2025-03-01,,aktif,DBHCHT`)
        .join("\n");
    const upload = (kind: string, name: string, text: string) => run(db, IMPORT, { kind, files: [{ name, text }] }, ADMIN);
    const results = await Promise.all([
      upload("WORKFORCE", "a.csv", workforce("2024-06")),
      upload("WORKFORCE", "b.csv", workforce("2024-07")),
      upload("ENROLLMENTS", "c.csv", enrollments),
      upload("ENROLLMENTS", "c.csv", enrollments),
    ]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(results.map((r) => r.data!.importFile.alreadyImported).sort()).toEqual([false, false, false, true]);
    const after = await snapshot(db);
    expect(after).toMatchObject({ workforce: before.workforce + 60, enrollments: before.enrollments + 30, runs: before.runs + 3 });
    // The summary holds every enrolment once, as counted from the table itself.
    const [check] = await db.sql.query<{ summary: number; table: number }>(
      `SELECT (SELECT sum(enrolled)::int FROM coverage_summary WHERE period = '2025-03' AND sector_code = 'FISHER') AS summary,
              (SELECT count(*)::int FROM enrollment WHERE sector_code = 'FISHER' AND start_date <= '2025-03-31' AND (end_date IS NULL OR end_date > '2025-03-31')) AS table`,
    );
    expect(check.summary).toBe(check.table);
    expect(check.table).toBeGreaterThanOrEqual(30);
  });

  it("rejects an enrollment file with bad rows: every problem listed (past the message's 200), nothing changed, no NIK", async () => {
    const good = NIKS.slice(2, 5).map((nik) => `${nik},Budi,${features[0].code},petani,JKK,2025-02-01,,aktif,DBHCHT`);
    const bad = NIKS.slice(5).map((nik, i) => `${nik},Budi,35.26.01.9${String(i).padStart(3, "0")},petani,JKK,2025-02-01,,aktif,DBHCHT`);
    const before = await snapshot(db);
    const { data, errors } = await run(
      db,
      IMPORT,
      { kind: "ENROLLMENTS", files: [{ name: "peserta-2.csv", text: ENROLL_HEADER + [...good, ...bad].join("\n") }] },
      ADMIN,
    );
    expect(data).toBeNull();
    expect(errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    const problems = errors![0].extensions!.problems as { line: number; column: string; value: string }[];
    expect(problems).toHaveLength(bad.length);
    expect(problems[0]).toEqual({
      line: 5,
      column: "village_code",
      value: "35.26.01.9000",
      reason: "is not a village in the database (import boundaries first)",
    });
    expect(errors![0].message).toMatch(/\.\.\. and 5 more$/);
    expect(await snapshot(db)).toEqual(before);
    const json = JSON.stringify(errors);
    for (const nik of NIKS) expect(json).not.toContain(nik);
  });

  it("masks a NIK in any form, also one in a wrong column, in the message and in extensions.problems", async () => {
    const village = features[0].code;
    // Each NIK form where the start date belongs, and one in a file name.
    const rows = NIK_FORMS.map((nik, i) => `35260100990${String(i).padStart(5, "0")},Budi,${village},petani,JKK,"${nik}",,aktif,DBHCHT`);
    const name = "peserta 3526.0101.9900.0004.csv";
    const { errors } = await run(db, IMPORT, { kind: "ENROLLMENTS", files: [{ name, text: ENROLL_HEADER + rows.join("\n") }] }, ADMIN);
    const problems = errors![0].extensions!.problems as { line: number; column: string; value: string }[];
    expect(problems.map((p) => p.column)).toEqual(NIK_FORMS.map(() => "start_date"));
    expect(problems[1]).toMatchObject({ line: 3, value: "****.****.****.****" });
    expect(errors![0].message).toContain('column start_date (value "**** **** **** ****")');
    expect(showsNik(JSON.stringify(errors))).toBe(false);
    // A message that echoes an argument or a variable (a NIK typed where a code or a number belongs).
    const echoed = [
      await run(db, `{ dataQuality(regionCode: "3526.0101.9900.0004") { regionCode } }`),
      await run(db, `{ coverage(level: VILLAGE, first: "3526 0101 9900 0008") { totalCount } }`),
    ];
    expect(echoed.map((r) => r.errors![0].message)).toEqual([
      expect.stringContaining("****.****.****.****"),
      expect.stringContaining("**** **** **** ****"),
    ]);
    expect(showsNik(JSON.stringify(echoed))).toBe(false);
  });

  it("refuses a zip bomb while inflating it, whether its directory tells its size or lies", async () => {
    const before = await snapshot(db);
    const honest = zipBomb(300);
    expect(honest.length).toBeLessThan(2_000_000);
    const told = await run(db, IMPORT, { kind: "BOUNDARIES", files: [{ name: "desa.zip", base64: b64(honest) }] }, ADMIN);
    expect(told.errors![0]).toMatchObject({
      message: expect.stringMatching(
        /^desa\.zip: 1 problem\(s\); nothing was imported\.\n.*expands to 300 MB \(at most 256 MB are unzipped\)/,
      ),
      extensions: { code: "BAD_USER_INPUT" },
    });
    const lying = await run(
      db,
      IMPORT,
      { kind: "BOUNDARIES", files: [{ name: "desa.zip", base64: b64(lyingAbout(honest, 1000)) }] },
      ADMIN,
    );
    expect(lying.errors![0].message).toMatch(/desa\.zip[^]*expands to more than 256 MB \(at most 256 MB are unzipped\)/);
    expect(await snapshot(db)).toEqual(before);
  });

  it("checks base64 in linear time: 80 KB of spaces and a wrong character are refused at once", () => {
    const started = performance.now();
    expect(() => decodeUploads([{ name: "a.zip", base64: `${" ".repeat(80_000)}!` }])).toThrow(
      /base64 holds characters that are not base64/,
    );
    expect(performance.now() - started).toBeLessThan(500); // the old pattern took about 13 s
    expect(new TextDecoder().decode(decodeUploads([{ name: "a.csv", base64: "aGVs\n bG8=\n" }])[0].data)).toBe("hello");
  });

  it("refuses content that is neither text nor valid base64, naming the file", async () => {
    const both = await run(db, IMPORT, { kind: "WORKFORCE", files: [{ name: "a.csv", text: "x", base64: "eA==" }] }, ADMIN);
    expect(both.errors![0]).toMatchObject({
      message: expect.stringMatching(/files\[0\] \(a\.csv\): give its content as text or as base64/),
      extensions: { code: "BAD_USER_INPUT", argumentName: "files" },
    });
    const garbage = await run(db, IMPORT, { kind: "BOUNDARIES", files: [{ name: "b.zip", base64: "not base64!" }] }, ADMIN);
    expect(garbage.errors![0].message).toMatch(/files\[0\] \(b\.zip\): base64 holds characters that are not base64/);
    const notZip = await run(
      db,
      IMPORT,
      { kind: "BOUNDARIES", files: [{ name: "c.zip", base64: b64(new TextEncoder().encode("hello")) }] },
      ADMIN,
    );
    expect(notZip.errors![0]).toMatchObject({
      message: expect.stringMatching(/^c\.zip: 1 problem\(s\); nothing was imported\.\n.*is not a readable \.zip/),
      extensions: { code: "BAD_USER_INPUT" },
    });
  });
});
