import type { Sql } from "../db/sql.ts";
import { badInput } from "../common/errors.ts";
import { ImportKind, type RegionLevel } from "../../domain/vocabulary.ts";
import type { UploadedFile } from "../regions/boundary-parsers.ts";
import { runImport } from "./run-import.service.ts";
import type { ImportFileInput, ImportResult } from "./import.types.ts";

/** Base64 once whitespace is removed (checked in linear time: no pattern that can backtrack over spaces). */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The uploaded files' bytes; BAD_USER_INPUT naming the file when one is not text xor valid base64. */
export function decodeUploads(files: ImportFileInput[]): UploadedFile[] {
  if (files.length === 0) throw badInput("files", "files: send at least one file.");
  return files.map((f, i) => {
    const at = `files[${i}] (${f.name})`;
    if (!f.name.trim()) throw badInput("files", `files[${i}]: the file needs a name.`);
    const hasText = f.text !== undefined && f.text !== null;
    const hasBase64 = f.base64 !== undefined && f.base64 !== null;
    if (hasText === hasBase64) throw badInput("files", `${at}: give its content as text or as base64, exactly one of them.`);
    if (hasText) return { name: f.name, data: new TextEncoder().encode(f.text!) };
    if (!BASE64.test(f.base64!.replace(/\s+/g, ""))) throw badInput("files", `${at}: base64 holds characters that are not base64.`);
    return { name: f.name, data: new Uint8Array(Buffer.from(f.base64!, "base64")) };
  });
}

/** Runs the CLI's import on uploaded files and describes the result for GraphQL. */
async function importFiles(
  sql: Sql,
  request: { kind: ImportKind; files: UploadedFile[]; level: RegionLevel | null; nikKey: string | undefined },
): Promise<ImportResult> {
  if (request.kind === ImportKind.ENROLLMENTS && !request.nikKey) throw new Error("The server was started without a NIK hash key.");
  const outcome = await runImport(sql, {
    kind: request.kind,
    source: { files: request.files },
    nikKey: request.nikKey ?? "",
    level: request.level ?? undefined,
  });
  return {
    ...outcome,
    level: (outcome.level as RegionLevel | null) ?? null,
    dataQuality: outcome.quality,
    dataQualityByRegency: outcome.qualityByRegency,
  };
}

/** Imports from uploads (the importFile mutation, through Services). */
export class ImportService {
  constructor(private readonly sql: Sql) {}

  upload(request: Parameters<typeof importFiles>[1]): Promise<ImportResult> {
    return importFiles(this.sql, request);
  }
}
