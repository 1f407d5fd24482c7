import { ImportKind } from "../domain/vocabulary.ts";
// `npm run bench:import [-- --rows N]`: generates N synthetic enrollment rows (default 1,000,000;
// NIKs are made-up 16-digit serials) and imports them exactly as `npm run import -- enrollments`
// does, into a fresh database: embedded in a temporary DATA_DIR, or a new database on the server
// at DATABASE_URL (dropped afterwards). Prints rows per second and the process's peak RSS; then,
// in the same run, the reference: the same file COPYed as it is into a plain table (text columns,
// no index, key, check or NIK hashing), and the import's speed as a share of it. On the server the
// reference goes into the same database (pg-copy-streams); embedded, into a PGlite of its own in
// this process (COPY FROM '/dev/blob': the app's PGlite runs in a worker thread behind its Sql port).
// A benchmark, not a test.
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openScratchDatabase } from "../server/db/scratch.ts";
import type { Sql } from "../server/db/sql.ts";
import { runImport } from "../server/imports/run-import.service.ts";
import { importBoundaries } from "../server/regions/boundary-import.service.ts";
import { readBoundaries } from "../server/regions/boundary-parsers.ts";
import { officialRegency } from "../server/regions/official-codes.ts";
import { syntheticBoundaries } from "../server/demo/synthetic-boundaries.ts";
import { writeSyntheticEnrollmentCsv } from "../server/demo/synthetic-enrollment-csv.ts";

const { values } = parseArgs({ options: { rows: { type: "string", default: "1000000" } } });
const rows = Number(values.rows);
const work = mkdtempSync(join(tmpdir(), "cakupan-bench-import-"));
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const shared = new URL("../../shared/data/bangkalan/villages.geojson", import.meta.url).pathname;

const db = await openScratchDatabase(process.env.DATABASE_URL, join(work, "pgdata"));
try {
  const official = (await officialRegency("35.26"))!;
  const features = statSync(shared, { throwIfNoEntry: false }) ? await readBoundaries(shared) : syntheticBoundaries(official);
  await importBoundaries(db.sql, features, { source: "bench" });
  const file = join(work, "enrollments.csv");
  let t = performance.now();
  writeSyntheticEnrollmentCsv(
    file,
    rows,
    official.villages.map((v) => v.code),
  );
  console.log(
    `Generated ${rows.toLocaleString("en")} rows (${mb(statSync(file).size)}) in ${((performance.now() - t) / 1000).toFixed(1)} s.`,
  );

  const rssBefore = process.resourceUsage().maxRSS * 1024;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  t = performance.now();
  const outcome = await runImport(db.sql, {
    kind: ImportKind.ENROLLMENTS,
    source: { location: file },
    nikKey: "bench-key-".padEnd(40, "x"),
    onProgress: (n) => process.stderr.write(`  ${n.toLocaleString("en")} rows read (${((performance.now() - t) / 1000).toFixed(0)} s)\n`),
  });
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  const [{ n }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM enrollment`);
  console.log(`Database: ${db.mode}${db.mode === "embedded" ? " (PGlite+PostGIS)" : " (PostgreSQL server)"}`);
  console.log(
    `Imported ${outcome.rows.toLocaleString("en")} rows (${n.toLocaleString("en")} enrollments stored) in ${seconds.toFixed(1)} s, coverage summary included`,
  );
  console.log(`Rows per second: ${Math.round(outcome.rows / seconds).toLocaleString("en")}`);
  console.log(`Peak RSS: ${mb(peak)} (before the import: ${mb(rssBefore)})`);

  const raw = await rawCopy(db.url, file);
  console.log(
    `Raw COPY of the same file into a plain table${db.url ? "" : " (a PGlite of its own)"}: ${raw.rows.toLocaleString("en")} rows in ` +
      `${raw.seconds.toFixed(2)} s, ${Math.round(raw.rows / raw.seconds).toLocaleString("en")} rows/s`,
  );
  console.log(`Import / raw COPY: ${(outcome.rows / seconds / (raw.rows / raw.seconds)).toFixed(2)}x (aim at least 0.25)`);
  const floor = await databaseFloor(db.sql);
  console.log(
    `The database's own floor (the stored rows written again, inside the database, into a table with enrollment's ` +
      `keys and indexes, by the import's upsert): ${floor.rows.toLocaleString("en")} rows in ${floor.seconds.toFixed(2)} s, ` +
      `${Math.round(floor.rows / floor.seconds).toLocaleString("en")} rows/s`,
  );
  console.log(`Import / database floor: ${(outcome.rows / seconds / (floor.rows / floor.seconds)).toFixed(2)}x`);
} finally {
  await db.close();
  rmSync(work, { recursive: true, force: true });
}

/**
 * The second reference: what the database alone needs to store these rows as the import must. The
 * imported rows (NIKs already hashed, values already checked) are copied into a scratch table, then
 * written by one INSERT ... ON CONFLICT (nik_hash) DO UPDATE, as the import's batches are, into an
 * empty table made LIKE enrollment with all its keys and indexes: no Node, no CSV, no network between.
 * Foreign keys are not copied by LIKE, as the import runs with row triggers off where it may.
 */
async function databaseFloor(sql: Sql): Promise<{ rows: number; seconds: number }> {
  const columns = "nik_hash, village_code, sector_code, jkk, jkm, start_date, end_date, status, funding_source, session_id";
  await sql.query(`CREATE TABLE floor_source AS SELECT ${columns} FROM enrollment`);
  await sql.query(`CREATE TABLE floor_target (LIKE enrollment INCLUDING ALL)`);
  const t = performance.now();
  await sql.query(
    `INSERT INTO floor_target (${columns}) SELECT ${columns} FROM floor_source
     ON CONFLICT (nik_hash) DO UPDATE SET village_code = EXCLUDED.village_code, sector_code = EXCLUDED.sector_code,
       jkk = EXCLUDED.jkk, jkm = EXCLUDED.jkm, start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
       status = EXCLUDED.status, funding_source = EXCLUDED.funding_source, session_id = coalesce(EXCLUDED.session_id, floor_target.session_id)`,
  );
  const seconds = (performance.now() - t) / 1000;
  const [{ n }] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM floor_target`);
  return { rows: n, seconds };
}

/** The reference: `file` COPYed as it is into a table with nothing to maintain; its rows and the seconds the COPY took. */
async function rawCopy(url: string | null, file: string): Promise<{ rows: number; seconds: number }> {
  const table = `CREATE TABLE raw_enrollment (nik text, name text, village_code text, sector text, programs text,
    start_date text, end_date text, status text, funding_source text)`;
  const copy = `COPY raw_enrollment FROM STDIN (FORMAT csv, HEADER true)`;
  const target = url ? await serverCopy(url, copy, file) : await liteCopy(copy, file);
  try {
    await target.query(table);
    const t = performance.now();
    await target.copy();
    const seconds = (performance.now() - t) / 1000;
    const [{ n }] = await target.query<{ n: number }>(`SELECT count(*)::int AS n FROM raw_enrollment`);
    return { rows: n, seconds };
  } finally {
    await target.close();
  }
}

/** Where the reference COPY goes: a statement runner, the COPY of the file, and closing. */
interface CopyTarget {
  query<T>(text: string): Promise<T[]>;
  copy(): Promise<void>;
  close(): Promise<void>;
}

/** The server: a connection of its own, the file streamed through pg-copy-streams. */
async function serverCopy(url: string, copy: string, file: string): Promise<CopyTarget> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async <T>(text: string) => (await client.query(text)).rows as T[],
    copy: () => pipeline(createReadStream(file), client.query(copyFrom(copy))),
    close: () => client.end(),
  };
}

/** Embedded: a PGlite of its own in this process (the app's runs in a worker thread), the file as a blob. */
async function liteCopy(copy: string, file: string): Promise<CopyTarget> {
  const lite = await PGlite.create();
  const blob = new Blob([readFileSync(file)]);
  return {
    query: async <T>(text: string) => (await lite.query<T>(text)).rows,
    copy: async () => void (await lite.query(copy.replace("STDIN", "'/dev/blob'"), [], { blob })),
    close: () => lite.close(),
  };
}
