import { createHash, createHmac } from "node:crypto";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../server/db/database.ts";
import { writeSyntheticEnrollmentCsv } from "../server/demo/synthetic-enrollment-csv.ts";
import { officialRegency } from "../server/regions/official-codes.ts";
import { bangkalanVillages, toGeoJson } from "./support/boundary-files.ts";
import { spawnTsx, type Finished, type Running } from "./support/processes.ts";
import { openTestDatabase } from "./support/db.ts";
import { importBoundaries } from "../server/regions/boundary-import.service.ts";
import { ACCEPTED_NIK_FORMS, NIK_FORMS, showsNik } from "./support/niks.ts";

const work = mkdtempSync(join(tmpdir(), "cakupan-cli-"));
const NIK_KEY = "cli-test-key-".padEnd(40, "z");

/**
 * `npm run import -- <args>` as a separate process on DATA_DIR `dir`. `onStderr` sees stderr as it
 * arrives and may kill the process.
 */
function importCli(dir: string, args: string[], onStderr?: (text: string, kill: () => void) => void): Promise<Finished> {
  return startImportCli({ DATA_DIR: join(dir, "pgdata") }, args, onStderr).finished;
}

/** The import CLI started on a database (`DATA_DIR` or `DATABASE_URL`), still running. */
function startImportCli(database: NodeJS.ProcessEnv, args: string[], onStderr?: (text: string, kill: () => void) => void): Running {
  const run = spawnTsx("server/cli/import.ts", args, { ...database, NIK_HASH_KEY: NIK_KEY, LOG_LEVEL: "warn" });
  run.child.stderr!.on("data", () => onStderr?.(run.output().stderr, () => run.child.kill("SIGKILL")));
  return run;
}

/** A copy of the data directory that holds the imported boundaries, for one test alone. */
function copyOfTemplate(template: string, name: string): string {
  const dir = join(work, name);
  cpSync(template, dir, { recursive: true });
  return dir;
}

async function inDatabase<T>(dir: string, fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir: join(dir, "pgdata") });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

const countsIn = (db: Awaited<ReturnType<typeof openDatabase>>) =>
  db.sql
    .query<{ villages: number; workforce: number; enrollments: number; runs: number }>(
      `SELECT (SELECT count(geom) FROM region WHERE level = 'VILLAGE')::int AS villages, (SELECT count(*) FROM workforce_estimate)::int AS workforce,
              (SELECT count(*) FROM enrollment)::int AS enrollments, (SELECT count(*) FROM import_run)::int AS runs`,
    )
    .then((r) => r[0]!);
const counts = (dir: string) => inDatabase(dir, countsIn);

/** Row counts and a digest of every enrollment, coverage-summary and import-run row. */
const fingerprint = (dir: string) =>
  inDatabase(dir, async (db) => ({
    ...(await countsIn(db)),
    ...(
      await db.sql.query<{ enrollment: string; summary: string; runs: string }>(
        `SELECT (SELECT md5(coalesce(string_agg(e::text, '|' ORDER BY e.id), '')) FROM enrollment e) AS enrollment,
                (SELECT md5(coalesce(string_agg(c::text, '|' ORDER BY c.village_code, c.sector_code, c.period), '')) FROM coverage_summary c) AS summary,
                (SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r.id), '')) FROM import_run r) AS runs`,
      )
    )[0],
  }));

describe("npm run import (the CLI, end to end on a fresh DATA_DIR)", () => {
  let template: string;
  let boundaries: Finished;
  let villages: string[];

  beforeAll(async () => {
    template = join(work, "template");
    const file = join(work, "villages.geojson");
    writeFileSync(file, JSON.stringify(toGeoJson(await bangkalanVillages())));
    boundaries = await importCli(template, ["boundaries", file]);
    villages = (await officialRegency("35.26"))!.villages.map((v) => v.code);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("imports boundaries into a fresh DATA_DIR and prints the data-quality report", async () => {
    expect(boundaries.stderr).toBe("");
    expect(boundaries.code).toBe(0);
    expect(boundaries.stdout).toMatch(/^Imported 281 village boundaries\.\n/);
    expect(boundaries.stdout).toMatch(
      /Data quality for 35\.26: 281 villages in the official list, 281 with a boundary, 0 with workforce data\./,
    );
    expect(boundaries.stdout).toMatch(/official villages with no boundary: none/);
    expect(boundaries.stdout).toMatch(/villages with no workforce data: 281 \(35\.26\.01\.1001 /);
    expect(await counts(template)).toMatchObject({ villages: 281 });
  });

  it("imports a workforce CSV, reports what is still missing, and changes nothing the second time", async () => {
    const dir = copyOfTemplate(template, "workforce");
    const file = join(work, "workforce.csv");
    writeFileSync(
      file,
      "kode_desa,sektor,periode,jumlah_pekerja,sumber\n" +
        villages
          .slice(0, 200)
          .map((c) => `${c},petani,2025,150,BPS`)
          .join("\n") +
        "\n",
    );
    const first = await importCli(dir, ["workforce", file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Imported 200 workforce rows; coverage summary refreshed\./);
    expect(first.stdout).toMatch(/200 with workforce data/);
    expect(first.stdout).toMatch(/villages with no workforce data: 81 \(/);
    const again = await importCli(dir, ["workforce", file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/was imported before: nothing changed\./);
    expect(await counts(dir)).toMatchObject({ workforce: 200, runs: 1 });
  });

  it("refuses a bad file with one clear message naming the line, column and value, exit code 1, database unchanged", async () => {
    const dir = copyOfTemplate(template, "bad");
    const before = await counts(dir);
    const file = join(work, "bad.csv");
    writeFileSync(
      file,
      `village_code,sector,period,workers,source\n${villages[0]},petani,2025,150,BPS\n${villages[1]},miner,2025,150,BPS\n`,
    );
    const result = await importCli(dir, ["workforce", file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim()).toBe(
      `${file}: 1 problem(s); nothing was imported.\n  - line 3, column sector (value "miner"): is not a sector (petani/farmer, peternak/livestock, nelayan/fisher)`,
    );
    expect(await counts(dir)).toEqual(before);
    const usage = await importCli(dir, ["workforce"]);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/Usage: npm run import -- boundaries <file-or-url>/);
  });

  it("never prints a NIK: every accepted form imports, and a NIK in a wrong column or a file name is masked", async () => {
    const dir = copyOfTemplate(template, "niks");
    const header = "nik,name,village_code,sector,programs,start_date,end_date,status,funding_source\n";
    const good = join(work, "peserta-3526-0101-9900-0010.csv");
    writeFileSync(
      good,
      header + ACCEPTED_NIK_FORMS.map((nik) => `"${nik}",Siti,${villages[0]},petani,JKK,2025-01-05,,aktif,DBHCHT`).join("\n"),
    );
    const imported = await importCli(dir, ["enrollments", good]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`^Imported ${ACCEPTED_NIK_FORMS.length} enrollments rows`));
    expect(showsNik(imported.stdout + imported.stderr)).toBe(false);
    const again = await importCli(dir, ["enrollments", good]);
    expect(again.stdout).toMatch(/\/peserta-\*{4}-\*{4}-\*{4}-\*{4}.csv was imported before/);
    const bad = join(work, "wrong-column.csv");
    writeFileSync(
      bad,
      header +
        NIK_FORMS.map((nik, i) => `352601019900${String(i).padStart(4, "0")},Siti,${villages[0]},petani,JKK,"${nik}",,aktif,DBHCHT`).join(
          "\n",
        ),
    );
    const refused = await importCli(dir, ["enrollments", bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 2, column start_date (value "****************"): is not a date');
    expect(refused.stderr).toContain('line 3, column start_date (value "****.****.****.****"): is not a date');
    expect(refused.stderr.match(/column start_date/g)).toHaveLength(NIK_FORMS.length);
    expect(showsNik(refused.stdout + refused.stderr)).toBe(false);
  });

  it("killed mid-import (SIGKILL), leaves exactly the data it had before, and usable", async () => {
    const dir = copyOfTemplate(template, "killed");
    const old = join(work, "enrollments-old.csv");
    writeSyntheticEnrollmentCsv(old, 2_000, villages, 1_000_000);
    expect((await importCli(dir, ["enrollments", old])).code).toBe(0);
    const before = await fingerprint(dir);
    expect(before.enrollments).toBe(2_000);
    // NIKs are kept as HMAC-SHA256 under NIK_HASH_KEY (computed here), not as a plain SHA-256 or in clear.
    const nik = `3526${String(1_000_000).padStart(12, "0")}`; // the file's first worker
    const stored = await inDatabase(dir, (db) =>
      db.sql.query<{ nik_hash: string }>(`SELECT nik_hash FROM enrollment WHERE nik_hash IN ($1, $2, $3)`, [
        createHmac("sha256", NIK_KEY).update(nik).digest("hex"),
        createHash("sha256").update(nik).digest("hex"),
        nik,
      ]),
    );
    expect(stored).toEqual([{ nik_hash: createHmac("sha256", NIK_KEY).update(nik).digest("hex") }]);
    const file = join(work, "enrollments.csv");
    const ROWS = 100_000;
    writeSyntheticEnrollmentCsv(file, ROWS, villages);
    // Killed as soon as it says it has read the first 50,000 rows: ten batches written, nothing committed.
    const result = await importCli(dir, ["enrollments", file], (text, kill) => /rows read/.test(text) && kill());
    expect(result.signal).toBe("SIGKILL");
    expect(result.stdout).not.toMatch(/Imported/);
    expect(await fingerprint(dir)).toEqual(before);
    // The same file then imports whole.
    const retry = await importCli(dir, ["enrollments", file]);
    expect(retry.code).toBe(0);
    expect(await counts(dir)).toMatchObject({ enrollments: 2_000 + ROWS, runs: 2 });
  });

  it("two imports at once on one embedded DATA_DIR: the second is refused with one sentence while the first runs, which completes whole", async () => {
    const dir = copyOfTemplate(template, "concurrent");
    const big = join(work, "enrollments-concurrent.csv");
    writeSyntheticEnrollmentCsv(big, 100_000, villages, 2_000_000);
    const first = startImportCli({ DATA_DIR: join(dir, "pgdata") }, ["enrollments", big]);
    await first.waitFor(/rows read/); // mid-import, holding the data directory
    const small = join(work, "workforce-concurrent.csv");
    writeFileSync(small, `kode_desa,sektor,periode,jumlah_pekerja,sumber\n${villages[0]},petani,2025,150,BPS\n`);
    const second = await importCli(dir, ["workforce", small]);
    expect(first.child.exitCode, "the first import was still running when the second ended").toBeNull();
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toMatch(/^The data directory \S+ is in use by another Cakupan process .*: stop that process first, .*\.$/);
    expect(second.stderr.trim().split("\n")).toHaveLength(1);
    expect((await first.finished).code).toBe(0);
    expect(await counts(dir)).toMatchObject({ enrollments: 100_000, workforce: 0, runs: 1 });
  });

  // On a PostgreSQL server both processes run; the advisory lock makes the second wait for the first.
  it("the same import twice at once on one PostgreSQL database: the second waits, then finds it imported; the data as after one import", async () => {
    if (!process.env.TEST_DATABASE_URL) return;
    const [together, apart] = await Promise.all([openTestDatabase(), openTestDatabase()]);
    try {
      const features = await bangkalanVillages();
      for (const db of [together, apart]) await importBoundaries(db.sql, features, { source: "villages.geojson" });
      const file = join(work, "enrollments-twice.csv");
      writeSyntheticEnrollmentCsv(file, 100_000, villages, 3_000_000);
      const url = (db: typeof together) => ({ DATABASE_URL: db.url! });
      // The second starts while the first is mid-import (it has read 50,000 rows, nothing committed).
      const first = startImportCli(url(together), ["enrollments", file]);
      await first.waitFor(/rows read/);
      const second = startImportCli(url(together), ["enrollments", file]);
      const results = await Promise.all([first.finished, second.finished]);
      for (const r of results) {
        expect(r.stderr.replace(/^ *[\d,]+ rows read\.\.\.\n/gm, ""), `nothing but progress on stderr: ${r.stderr}`).toBe("");
        expect(r.code).toBe(0);
      }
      expect(results[0].stdout).toMatch(/^Imported 100000 enrollments rows; coverage summary refreshed\./);
      expect(results[1].stdout).toMatch(/was imported before: nothing changed\./);
      expect((await startImportCli(url(apart), ["enrollments", file]).finished).code).toBe(0);
      const digest = (db: typeof together) =>
        db.sql.query(
          `SELECT (SELECT count(*)::int FROM enrollment) AS enrollments, (SELECT count(*)::int FROM import_run) AS runs,
                  (SELECT md5(string_agg(nik_hash || sector_code, '|' ORDER BY nik_hash, sector_code)) FROM enrollment) AS enrollment,
                  (SELECT md5(string_agg(c::text, '|' ORDER BY c.village_code, c.sector_code, c.period)) FROM coverage_summary c) AS summary`,
        );
      const [a] = await digest(together);
      expect(a).toMatchObject({ enrollments: 100_000, runs: 1 });
      expect(a).toEqual((await digest(apart))[0]);
    } finally {
      await Promise.all([together.close(), apart.close()]);
    }
  });
});
