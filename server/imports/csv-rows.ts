import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { Readable } from "node:stream";
import { ImportRejected } from "../common/errors.ts";

export interface CsvRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  get(column: string): string;
}

/** Canonical column -> the headers people actually use for it. */
export type ColumnAliases = Record<string, string[]>;

/**
 * Streams a CSV file (comma or semicolon, UTF-8 with or without BOM), mapping its headers onto
 * canonical column names. Refuses the file when a required column is missing.
 */
export async function* readCsv(
  input: string | Readable,
  source: string,
  aliases: ColumnAliases,
  required: string[],
): AsyncGenerator<CsvRow> {
  const source0 = typeof input === "string" ? createReadStream(input) : input;
  const chunks = source0[Symbol.asyncIterator]();
  const first = await chunks.next();
  const head = first.done ? "" : String(first.value).split(/\r?\n/, 1)[0];
  // Spreadsheets saved in Indonesian locales often use ";" between columns.
  const delimiter = head.split(";").length > head.split(",").length ? ";" : ",";
  const stream = Readable.from(
    (async function* () {
      if (!first.done) yield first.value;
      for (let c = await chunks.next(); !c.done; c = await chunks.next()) yield c.value;
    })(),
  );
  const parser = stream.pipe(parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }));
  let index: Map<string, number> | null = null;
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!index) {
        index = new Map();
        const headers = record.record.map((h) => h.trim().toLowerCase());
        for (const [canonical, names] of Object.entries(aliases)) {
          const at = headers.findIndex((h) => h === canonical || names.includes(h));
          if (at >= 0) index.set(canonical, at);
        }
        const missing = required.filter((c) => !index!.has(c));
        if (missing.length > 0) {
          throw new ImportRejected(source, [
            { line: 1, reason: `missing column(s) ${missing.map((c) => `${c} (or ${aliases[c].join(", ")})`).join("; ")}` },
          ]);
        }
        continue;
      }
      const values = record.record;
      const map = index;
      yield { line: record.info.lines, get: (column) => (map.has(column) ? (values[map.get(column)!] ?? "").trim() : "") };
    }
  } catch (error) {
    if (error instanceof ImportRejected) throw error;
    throw new ImportRejected(source, [{ reason: `cannot be read as CSV: ${(error as Error).message}` }]);
  }
  if (!index) throw new ImportRejected(source, [{ reason: "the file is empty (no header row)" }]);
}
