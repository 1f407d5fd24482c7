import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { Sql } from "../db/sql.ts";
import { ImportRejected, type InputProblem } from "../common/errors.ts";
import { refreshCoverageSummary } from "../coverage/refresh.sql.ts";
import { readCsv, type ColumnAliases, type CsvRow } from "./csv-rows.ts";
import { lockImports } from "./import-lock.ts";
import * as q from "./imports.sql.ts";
import { Pacer } from "../common/heavy-work.ts";

/** What one kind of CSV import knows: its columns, how a row becomes a record, how records are written. */
export interface RowImporter<R> {
  kind: string;
  aliases: ColumnAliases;
  required: string[];
  /** Runs first in the import's transaction (for example to check the NIK key). */
  begin?(tx: Sql): Promise<void>;
  /** Returns the row's checker, after loading what it needs (for example the village list). */
  prepare(sql: Sql): Promise<(row: CsvRow) => R | InputProblem[]>;
  /** Writes one batch of records (an upsert, so that importing again changes nothing). */
  write(tx: Sql, batch: R[]): Promise<void>;
  /** Records whose key repeats within a file merge into one; return the key here. */
  key(record: R): string;
  /** SQL returning rows of the table whose foreign keys point nowhere (run when row triggers were off); none expected. */
  brokenReferences: string;
}

/** The records' fields as parallel arrays, for `INSERT ... SELECT * FROM unnest($1, $2, ...)`; undefined becomes null. */
export const columnsOf = <R>(batch: R[], fields: (keyof R)[]): unknown[][] => fields.map((f) => batch.map((r) => r[f] ?? null));

export interface ImportResult {
  kind: string;
  rows: number;
  /** True when this exact file had been imported before: nothing was written. */
  alreadyImported: boolean;
}

const BATCH = 5000;
/** How often (in rows) a long import reports progress. */
export const PROGRESS_EVERY = 50_000;

/** A file path, or an uploaded file's bytes (decoded as a file would be: see readCsv) or text. */
export type CsvInput = { path: string } | { data: Uint8Array; name: string } | { text: string; name: string };

/** Bytes handed to the CSV parser at a time: an uploaded file is parsed in pieces, as a file read from disk is. */
const CHUNK = 64 * 1024;

function* chunks(bytes: Buffer): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
}

/**
 * The file as a stream. An upload in memory goes in 64 KB pieces: whole, the parser would turn
 * all of it into rows in one step, holding the event loop for seconds on a large file.
 */
const open = (input: CsvInput): Readable => ("path" in input ? createReadStream(input.path) : Readable.from(chunks(bytesOf(input))));

/** An upload's bytes as a Buffer over the same memory (a copy of 17 MB holds the event loop for tens of ms). */
const bytesOf = (input: { data: Uint8Array } | { text: string }) =>
  "data" in input ? Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength) : Buffer.from(input.text);
const sourceName = (input: CsvInput) => ("path" in input ? input.path : input.name);

async function hashOf(input: CsvInput): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of open(input)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** At most this many problems are kept (a wholly wrong million-row file would not fit in memory); the rest are counted. */
export const MAX_PROBLEMS = 10_000;

/**
 * Per-row foreign-key triggers cost most of a bulk insert. Rows are checked against the region and
 * sector tables before they are written, so when the database role may (a superuser, as in the
 * embedded database) the triggers are switched off for this transaction only, as pg_restore does,
 * and one set-based check (`brokenReferences`) runs before commit instead.
 */
async function skipRowTriggers(tx: Sql): Promise<boolean> {
  const [role] = await tx.query<{ su: boolean }>(q.IS_SUPERUSER);
  if (!role?.su) return false;
  await tx.query(q.ROW_TRIGGERS_OFF);
  return true;
}

/**
 * Imports a CSV file all or nothing, in one transaction: every row is checked; a single bad row
 * means nothing is written and every bad row is reported. Rows stream through in batches, each
 * written while the next is read. The coverage summary is rebuilt in the same transaction.
 * `onProgress` hears every PROGRESS_EVERY rows.
 */
export async function importCsv<R>(
  sql: Sql,
  importer: RowImporter<R>,
  input: CsvInput,
  onProgress?: (rows: number) => void,
): Promise<ImportResult> {
  const source = sourceName(input);
  const fileHash = await hashOf(input);
  return sql.transaction(async (tx) => {
    await lockImports(tx); // another import of this file may have just committed: check after the lock
    const seen = await tx.query(q.IMPORTED_BEFORE, [importer.kind, fileHash]);
    if (seen.length > 0) return { kind: importer.kind, rows: 0, alreadyImported: true };
    const check = await importer.prepare(tx);
    await importer.begin?.(tx);
    const triggersOff = await skipRowTriggers(tx);
    const problems: InputProblem[] = [];
    let notKept = 0;
    let batch = new Map<string, R>();
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      await writing; // one statement at a time on the transaction's connection
      const records = [...batch.values()];
      batch = new Map();
      writing = importer.write(tx, records);
      writing.catch(() => undefined); // awaited at the next flush or at the end
    };
    let rows = 0;
    // Rows of an upload in memory come without I/O between them: parsing and checking them would
    // hold the event loop for the whole file (seconds); a turn every 20 ms keeps other requests going.
    const pace = new Pacer(20);
    for await (const row of readCsv(open(input), source, importer.aliases, importer.required)) {
      await pace.turn();
      rows++;
      if (onProgress && rows % PROGRESS_EVERY === 0) onProgress(rows);
      const result = check(row);
      if (Array.isArray(result)) {
        const room = MAX_PROBLEMS - problems.length;
        problems.push(...result.slice(0, Math.max(room, 0)));
        notKept += Math.max(result.length - Math.max(room, 0), 0);
        continue;
      }
      if (problems.length > 0) continue;
      batch.set(importer.key(result), result);
      if (batch.size >= BATCH) await flush();
    }
    await writing;
    if (rows === 0) problems.push({ reason: "the file has a header but no rows" });
    if (notKept > 0) problems.push({ reason: `and ${notKept} more problem(s) not listed (only the first ${MAX_PROBLEMS} are)` });
    if (problems.length > 0) throw new ImportRejected(source, problems);
    if (batch.size > 0) await flush();
    await writing;
    if (triggersOff) {
      const broken = await tx.query(importer.brokenReferences);
      if (broken.length > 0)
        throw new Error(`${importer.kind} import: rows reference missing regions or sectors: ${JSON.stringify(broken)}`);
      // Triggers on again: the summary refresh and the import_run row bump data_version.
      await tx.query(q.ROW_TRIGGERS_ON);
    }
    await refreshCoverageSummary(tx);
    await tx.query(q.RECORD_IMPORT, [importer.kind, fileHash, rows]);
    return { kind: importer.kind, rows, alreadyImported: false };
  });
}
