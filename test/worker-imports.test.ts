import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { ImportRejected } from "../server/common/errors.ts";
import { importCsv } from "../server/imports/csv-import.service.ts";
import { workforceImporter } from "../server/imports/workforce.importer.ts";
import { enrollmentImporter } from "../server/imports/enrollment.importer.ts";
import { importBoundaries } from "../server/regions/boundary-import.service.ts";
import { syntheticBoundaries } from "../server/demo/synthetic-boundaries.ts";
import { writeSyntheticEnrollmentCsv } from "../server/demo/synthetic-enrollment-csv.ts";
import { officialRegency } from "../server/regions/official-codes.ts";
import { openTestDatabase } from "./support/db.ts";

const KEY = "k".repeat(40);
const dir = mkdtempSync(join(tmpdir(), "cakupan-import-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path };
};
const NIKS = ["3526011234567890", "3526019876543210", "3526015555555555"];

const counts = (db: Database) =>
  db.sql
    .query<{ w: number; e: number; c: number }>(
      `SELECT (SELECT count(*) FROM workforce_estimate)::int AS w, (SELECT count(*) FROM enrollment)::int AS e, (SELECT count(*) FROM coverage_summary)::int AS c`,
    )
    .then((r) => r[0]);

describe("worker-data import", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    await importBoundaries(db.sql, syntheticBoundaries((await officialRegency("35.26"))!), { source: "synthetic", synthetic: true });
  });
  afterAll(() => db?.close());

  it("imports workforce with Indonesian headers, sector names in either language and villages by name", async () => {
    const csv = file(
      "workforce.csv",
      "kode_desa,nama_desa,kecamatan,sektor,periode,jumlah_pekerja,sumber\n35.26.01.1001,,,Petani,2025,120,BPS\n,  MLAJAH ,bangkalan,nelayan,2025-01,40,BPS\n35.26.01.1001,,,LIVESTOCK,2025,10,BPS\n",
    );
    const result = await importCsv(db.sql, workforceImporter, csv);
    expect(result).toEqual({ kind: "workforce", rows: 3, alreadyImported: false });
    const rows = await db.sql.query(`SELECT village_code, sector_code, period, workers FROM workforce_estimate ORDER BY sector_code`);
    expect(rows).toEqual([
      { village_code: "35.26.01.1001", sector_code: "FARMER", period: "2025-01", workers: 120 },
      { village_code: "35.26.01.1001", sector_code: "FISHER", period: "2025-01", workers: 40 },
      { village_code: "35.26.01.1001", sector_code: "LIVESTOCK", period: "2025-01", workers: 10 },
    ]);
    expect(await importCsv(db.sql, workforceImporter, csv)).toMatchObject({ alreadyImported: true });
  });

  it("refuses a file with any bad row, reports every bad row and changes nothing", async () => {
    const before = await counts(db);
    const csv = file(
      "bad.csv",
      "village_code,sector,period,workers,source\n35.26.01.1002,farmer,2025,50,BPS\n35.26.01.9999,farmer,2025,50,BPS\n35.26.01.1003,miner,2025,x,BPS\n,,,,\n",
    );
    const error = await importCsv(db.sql, workforceImporter, csv).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, column: "village_code", value: "35.26.01.9999" }),
        expect.objectContaining({ line: 4, column: "sector", value: "miner" }),
        expect.objectContaining({ line: 4, column: "workers", value: "x" }),
        expect.objectContaining({ line: 5, column: "source" }),
      ]),
    );
    expect(error.message).toMatch(/line 4, column sector \(value "miner"\): is not a sector/);
    expect(await counts(db)).toEqual(before);
  });

  it("refuses a file whose bad row comes after more than two batches of good rows, leaving nothing of them", async () => {
    const before = await counts(db);
    const path = join(dir, "late-bad.csv");
    const villages = (await officialRegency("35.26"))!.villages.map((v) => v.code);
    writeSyntheticEnrollmentCsv(path, 12_000, villages, 5_000_000); // batches of 5,000: two written, a third begun
    appendFileSync(path, `3526999999999999,Budi,${villages[0]},miner,JKK,2025-01-05,,aktif,DBHCHT\n`);
    const error = await importCsv(db.sql, enrollmentImporter(KEY), { path }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect(error.problems).toEqual([expect.objectContaining({ line: 12_002, column: "sector", value: "miner" })]);
    expect(await counts(db)).toEqual(before);
    expect(await db.sql.query(`SELECT count(*)::int AS n FROM import_run`)).toEqual([{ n: 1 }]); // the workforce file's only
  });

  it("keeps the first 10,000 problems of a wholly wrong file and counts the rest", async () => {
    const before = await counts(db);
    const rows = Array.from({ length: 10_003 }, (_, i) => `35.26.01.1001,miner,2025-${String((i % 12) + 1).padStart(2, "0")},5,BPS`);
    const error = await importCsv(
      db.sql,
      workforceImporter,
      file("miners.csv", `village_code,sector,period,workers,source\n${rows.join("\n")}\n`),
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect(error.problems).toHaveLength(10_001);
    expect(error.problems[9_999]).toMatchObject({ line: 10_001, column: "sector", value: "miner" });
    expect(error.problems[10_000]).toEqual({ reason: "and 3 more problem(s) not listed (only the first 10000 are)" });
    expect(await counts(db)).toEqual(before);
  });

  it("reads Windows-1252 and UTF-16 files as their text, and refuses a U+FFFD or broken bytes naming the line", async () => {
    const SOURCE = "Survei Désa – ‘Dinas’ 2025 Ø";
    const text = (period: string) => `kode_desa,sektor,periode,jumlah_pekerja,sumber\r\n35.26.01.1004,petani,${period},70,${SOURCE}\r\n`;
    // Windows-1252 (Excel's "CSV" on Windows) has no encoder in Node: its bytes for these characters, by hand.
    const cp1252 = (t: string) =>
      Buffer.from([...t].map((c) => ({ é: 0xe9, "–": 0x96, "‘": 0x91, "’": 0x92, Ø: 0xd8 })[c] ?? c.charCodeAt(0)));
    const files = {
      "cp1252.csv": cp1252(text("2021-01")),
      "utf16le.csv": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text("2021-02"), "utf16le")]),
      "utf16be.csv": Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text("2021-03"), "utf16le").swap16()]),
    };
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(join(dir, name), bytes);
      expect(await importCsv(db.sql, workforceImporter, { path: join(dir, name) })).toMatchObject({ rows: 1 });
    }
    // The same through an upload (its bytes, as importFile passes them).
    expect(await importCsv(db.sql, workforceImporter, { data: cp1252(text("2021-04")), name: "up.csv" })).toMatchObject({ rows: 1 });
    const stored = await db.sql.query<{ period: string; source: string }>(
      `SELECT period, source FROM workforce_estimate WHERE village_code = '35.26.01.1004' AND period LIKE '2021-%' ORDER BY period`,
    );
    expect(stored).toEqual(["2021-01", "2021-02", "2021-03", "2021-04"].map((period) => ({ period, source: SOURCE })));
    const before = await counts(db);
    const lost = file(
      "lost.csv",
      `village_code,sector,period,workers,source\n35.26.01.1005,farmer,2025,5,BPS\n35.26.01.1005,fisher,2025,5,Dinas \uFFFD\n`,
    );
    await expect(importCsv(db.sql, workforceImporter, lost)).rejects.toThrow(/line 3: holds U\+FFFD/);
    // UTF-8 at the start, then a Windows-1252 byte far past the first chunk.
    const mixed = join(dir, "mixed.csv");
    const rows = Array.from(
      { length: 4000 },
      (_, i) => `35.26.01.1005,farmer,${2000 + (i % 25)}-${String((i % 12) + 1).padStart(2, "0")},5,BPS`,
    );
    writeFileSync(
      mixed,
      Buffer.concat([
        Buffer.from(`village_code,sector,period,workers,source\n${rows.join("\n")}\n35.26.01.1005,farmer,2025,5,`),
        Buffer.from([0xe9, 0x0a]),
      ]),
    );
    await expect(importCsv(db.sql, workforceImporter, { path: mixed })).rejects.toThrow(
      /is not valid UTF-8 text \(the file starts as UTF-8\); save it as "CSV UTF-8"/,
    );
    expect(await counts(db)).toEqual(before);
  });

  it("refuses a file missing a required column", async () => {
    const error = await importCsv(
      db.sql,
      workforceImporter,
      file("nocol.csv", "village_code,sector,period,source\n35.26.01.1001,farmer,2025,BPS\n"),
    ).catch((e) => e);
    expect(error.message).toMatch(/missing column\(s\) workers \(or jumlah_pekerja/);
  });

  it("stores NIKs only as keyed hashes, counts one worker per NIK, and never logs or echoes a NIK", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "trace" }, new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }));
    const header = "nik,nama,kode_desa,sektor,program,tanggal_mulai,tanggal_berakhir,status,sumber_dana\n";
    const good = file(
      "enrol.csv",
      header +
        `${NIKS[0]},Siti,35.26.01.1001,petani,JKK+JKM,2025-01-05,,aktif,DBHCHT\n${NIKS[1]},Ahmad,35.26.01.1001,nelayan,JKK,05/02/2025,,ACTIVE,apbd\n${NIKS[0]},Siti,35.26.01.1001,petani,JKK;JKM,2025-01-05,,aktif,Dana-Desa\n`,
    );
    const result = await importCsv(db.sql, enrollmentImporter(KEY), good);
    logger.info({ result }, "imported");
    expect(await db.sql.query(`SELECT count(*)::int AS n FROM enrollment`)).toEqual([{ n: 2 }]);
    // A NIK repeated in the file takes its last line: Siti's village funds (Dana Desa), not DBHCHT.
    expect(await db.sql.query(`SELECT sector_code, funding_source FROM enrollment ORDER BY sector_code`)).toEqual([
      { sector_code: "FARMER", funding_source: "DANA_DESA" },
      { sector_code: "FISHER", funding_source: "APBD" },
    ]);
    const bad = file(
      "enrol-bad.csv",
      header +
        `${NIKS[2].slice(0, 15)},Budi,35.26.01.1001,petani,JKK,2025-01-05,,aktif,DBHCHT\n${NIKS[2]},Budi,35.26.01.1001,petani,JKK,2025-13-05,,aktif,DBHCHT\n${NIKS[1]},Ahmad,35.26.01.1001,nelayan,JKK,2025-02-05,,aktif,dana kampung\n`,
    );
    const error = await importCsv(db.sql, enrollmentImporter(KEY), bad).catch((e) => e);
    logger.error({ err: error.message }, "rejected");
    expect(error.message).toMatch(/line 2, column nik .*must be exactly 16 digits/);
    expect(error.message).toMatch(/line 3, column start_date \(value "2025-13-05"\)/);
    expect(error.message).toMatch(
      /line 4, column funding_source \(value "dana kampung"\): must be DBHCHT, APBD, DANA_DESA, SELF\/mandiri or OTHER\/lainnya/,
    );
    const dump = JSON.stringify(await db.sql.query(`SELECT e.*, r.* FROM enrollment e, import_run r`));
    for (const nik of NIKS) {
      expect(dump).not.toContain(nik);
      expect(error.message).not.toContain(nik);
      expect(error.message).not.toContain(nik.slice(0, 15));
      expect(lines.join("")).not.toContain(nik.slice(0, 15));
    }
    expect(dump).not.toContain("Siti");
  });

  it("refreshes the coverage summary after every import", async () => {
    const rows = await db.sql.query<{ sector_code: string; workforce: number; enrolled: number }>(
      `SELECT sector_code, workforce, enrolled FROM coverage_summary WHERE village_code = '35.26.01.1001' AND period = (SELECT max(period) FROM coverage_summary) ORDER BY sector_code`,
    );
    expect(rows).toEqual([
      { sector_code: "FARMER", workforce: 120, enrolled: 1 },
      { sector_code: "FISHER", workforce: 40, enrolled: 1 },
      { sector_code: "LIVESTOCK", workforce: 10, enrolled: 0 },
    ]);
  });
});
