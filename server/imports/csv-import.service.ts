import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { Sql } from "../db/sql.ts";
import { ImportRejected, type InputProblem } from "../common/errors.ts";
import { refreshCoverageSummary } from "../coverage/refresh.sql.ts";
import { readCsv, type ColumnAliases, type CsvRow } from "./csv-rows.ts";

/** What one kind of CSV import knows: its columns, how a row becomes a record, how records are written. */
export interface RowImporter<R> {
  kind: string;
  aliases: ColumnAliases;
  required: string[];
  /** Returns the row's checker, after loading what it needs (for example the village list). */
  prepare(sql: Sql): Promise<(row: CsvRow) => R | InputProblem[]>;
  /** Writes one batch of records (an upsert, so that importing again changes nothing). */
  write(tx: Sql, batch: R[]): Promise<void>;
  /** Records whose key repeats within a file merge into one; return the key here. */
  key(record: R): string;
}

export interface ImportResult {
  kind: string;
  rows: number;
  /** True when this exact file had been imported before: nothing was written. */
  alreadyImported: boolean;
}

const BATCH = 5000;
/** How often (in rows) a long import reports progress. */
export const PROGRESS_EVERY = 50_000;

/** A file path, or the file's text (an uploaded file). */
export type CsvInput = { path: string } | { text: string; name: string };

const open = (input: CsvInput): Readable => ("path" in input ? createReadStream(input.path) : Readable.from([input.text]));
const sourceName = (input: CsvInput) => ("path" in input ? input.path : input.name);

async function hashOf(input: CsvInput): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of open(input)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Imports a CSV file all or nothing, in one transaction: every row is checked; a single bad row
 * means nothing is written and every bad row is reported. Rows stream through in batches.
 * The coverage summary is rebuilt in the same transaction. `onProgress` hears every PROGRESS_EVERY rows.
 */
export async function importCsv<R>(sql: Sql, importer: RowImporter<R>, input: CsvInput, onProgress?: (rows: number) => void): Promise<ImportResult> {
  const source = sourceName(input);
  const fileHash = await hashOf(input);
  const seen = await sql.query(`SELECT 1 FROM import_run WHERE kind = $1 AND file_hash = $2`, [importer.kind, fileHash]);
  if (seen.length > 0) return { kind: importer.kind, rows: 0, alreadyImported: true };
  const check = await importer.prepare(sql);
  return sql.transaction(async (tx) => {
    const problems: InputProblem[] = [];
    let batch = new Map<string, R>();
    let rows = 0;
    for await (const row of readCsv(open(input), source, importer.aliases, importer.required)) {
      rows++;
      if (onProgress && rows % PROGRESS_EVERY === 0) onProgress(rows);
      const result = check(row);
      if (Array.isArray(result)) {
        problems.push(...result);
        continue;
      }
      if (problems.length > 0) continue;
      batch.set(importer.key(result), result);
      if (batch.size >= BATCH) {
        await importer.write(tx, [...batch.values()]);
        batch = new Map();
      }
    }
    if (rows === 0) problems.push({ reason: "the file has a header but no rows" });
    if (problems.length > 0) throw new ImportRejected(source, problems);
    if (batch.size > 0) await importer.write(tx, [...batch.values()]);
    await refreshCoverageSummary(tx);
    await tx.query(`INSERT INTO import_run (kind, file_hash, rows) VALUES ($1, $2, $3)`, [importer.kind, fileHash, rows]);
    return { kind: importer.kind, rows, alreadyImported: false };
  });
}
