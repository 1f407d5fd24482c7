import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { pipeline, Readable } from "node:stream";
import { TextDecoder } from "node:util";
import { ImportRejected } from "../common/errors.ts";

export interface CsvRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  get(column: string): string;
}

/** Canonical column -> the headers people actually use for it. */
export type ColumnAliases = Record<string, string[]>;

/**
 * The encoding of a file from its first bytes: a BOM (UTF-8, UTF-16LE/BE); UTF-16 without one by its
 * zero bytes; else UTF-8 when they are valid UTF-8, and Windows-1252 (Excel's "CSV" on Windows) when not.
 */
export function sniffEncoding(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  const sample = head.subarray(0, 1024);
  const zeros = (parity: number) => sample.filter((b, i) => b === 0 && i % 2 === parity).length;
  if (zeros(1) > sample.length / 4) return "utf-16le";
  if (zeros(0) > sample.length / 4) return "utf-16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

const ENCODING_NAMES: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
  "windows-1252": "Windows-1252",
};

/**
 * A file's bytes as text, chunk by chunk, in the encoding its first chunk shows (`sniffEncoding`),
 * decoded strictly: bytes that are not of that encoding, or a U+FFFD (a character already lost by
 * an earlier conversion), refuse the file naming the line, rather than storing garbled names.
 */
async function* decodeText(bytes: AsyncIterable<Buffer | string>, source: string): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let line = 1;
  const refuse = (reason: string) => new ImportRejected(source, [{ line, reason }]);
  for await (const raw of bytes) {
    const chunk = typeof raw === "string" ? Buffer.from(raw) : raw;
    decoder ??= new TextDecoder(sniffEncoding(chunk), { fatal: true });
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const name = ENCODING_NAMES[decoder.encoding] ?? decoder.encoding;
      throw refuse(`is not valid ${name} text (the file starts as ${name}); save it as "CSV UTF-8" and import it again`);
    }
    const lost = text.indexOf("\uFFFD");
    if (lost >= 0) {
      line += text.slice(0, lost).split("\n").length - 1;
      throw refuse(
        `holds U+FFFD (\uFFFD), a character lost when the file was converted before; fix the text or export it again as "CSV UTF-8"`,
      );
    }
    line += text.split("\n").length - 1;
    yield text;
  }
  if (decoder) yield decoder.decode();
}

/**
 * Streams a CSV file (comma or semicolon; UTF-8 with or without BOM, UTF-16 or Windows-1252, see
 * `decodeText`), mapping its headers onto canonical column names. Refuses the file when a required
 * column is missing.
 */
export async function* readCsv(
  input: string | Readable,
  source: string,
  aliases: ColumnAliases,
  required: string[],
): AsyncGenerator<CsvRow> {
  const chunks = decodeText(typeof input === "string" ? createReadStream(input) : input, source)[Symbol.asyncIterator]();
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
  // pipeline, not pipe: a decoding error later in the file must reach the parser (and so the loop below).
  const parser = pipeline(
    stream,
    parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }),
    () => undefined,
  );
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
