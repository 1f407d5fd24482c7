import type { Sql } from "../db/sql.ts";
import { ImportRejected } from "../common/errors.ts";
import { readBoundaries, readUploadedBoundaries, type UploadedFile } from "../regions/boundary-parsers.ts";
import { importBoundaries } from "../regions/boundary-import.service.ts";
import { loadedRegions } from "../regions/dataset-info.ts";
import { commonRegion } from "../../domain/region-code.ts";
import { ImportKind, type RegionLevel } from "../../domain/vocabulary.ts";
import { dataQualityReport } from "../quality/data-quality.service.ts";
import type { DataQuality } from "../quality/data-quality.ts";
import { importCsv, type CsvInput } from "./csv-import.service.ts";
import { workforceImporter } from "./workforce.importer.ts";
import { enrollmentImporter } from "./enrollment.importer.ts";

/** A path or http(s) URL (the CLI), or uploaded files (the GraphQL mutation). */
export type ImportSource = { location: string } | { files: UploadedFile[] };

export interface ImportRequest {
  kind: ImportKind;
  source: ImportSource;
  /** The key NIKs are hashed with (enrollments). */
  nikKey: string;
  /** Boundaries only: the level of the file's features (default: from their codes). */
  level?: RegionLevel;
  /** CSV only: called every PROGRESS_EVERY rows read, inside the import's transaction. */
  onProgress?: (rows: number) => void;
}

export interface ImportOutcome {
  kind: ImportKind;
  /** The file's name as messages show it. */
  source: string;
  /** Rows (CSV) or features (boundaries) imported. */
  rows: number;
  /** This exact CSV file had been imported before: nothing was written. */
  alreadyImported: boolean;
  /** Boundaries: the level imported. */
  level: RegionLevel | null;
  /** Boundaries repaired with ST_MakeValid, with PostGIS's reason. */
  repaired: { code: string; reason: string }[];
  /** Boundaries imported whose codes are not in the official list. */
  unlisted: string[];
  /** The data-quality report of the smallest region holding what the import touched (boundaries) or holding all data (CSV), after it. */
  quality: DataQuality | null;
  /** Boundaries: one data-quality report per regency the file held, in code order. */
  qualityByRegency: DataQuality[];
}

const nameOf = (source: ImportSource) => ("location" in source ? source.location : source.files.map((f) => f.name).join(" + ") || "upload");

function csvInput(source: ImportSource, name: string): CsvInput {
  if ("location" in source) return { path: source.location };
  if (source.files.length !== 1) throw new ImportRejected(name, [{ reason: `send exactly one CSV file (got ${source.files.length})` }]);
  return { data: source.files[0].data, name };
}

/**
 * Runs one import, all or nothing, exactly as the CLI does (the GraphQL mutation calls this
 * too), then builds the data-quality report of every regency a boundary file held.
 */
export async function runImport(sql: Sql, request: ImportRequest): Promise<ImportOutcome> {
  const { kind, source } = request;
  const name = nameOf(source);
  let outcome: Omit<ImportOutcome, "quality" | "qualityByRegency">;
  let regencies: string[] = [];
  if (kind === ImportKind.BOUNDARIES) {
    const features = "location" in source ? await readBoundaries(source.location) : await readUploadedBoundaries(source.files, name);
    const report = await importBoundaries(sql, features, { source: name, level: request.level });
    regencies = report.regencyCodes;
    outcome = {
      kind,
      source: name,
      rows: report.imported,
      alreadyImported: false,
      level: report.level,
      repaired: report.repaired,
      unlisted: report.unlisted,
    };
  } else {
    const input = csvInput(source, name);
    const result =
      kind === ImportKind.WORKFORCE
        ? await importCsv(sql, workforceImporter, input, request.onProgress)
        : await importCsv(sql, enrollmentImporter(request.nikKey), input, request.onProgress);
    outcome = { kind, source: name, rows: result.rows, alreadyImported: result.alreadyImported, level: null, repaired: [], unlisted: [] };
  }
  const qualityByRegency = [];
  for (const regency of regencies) qualityByRegency.push(await dataQualityReport(sql, regency));
  const root = regencies.length > 0 ? commonRegion(regencies) : (await loadedRegions(sql)).rootCode;
  const quality = qualityByRegency.length === 1 ? qualityByRegency[0] : root ? await dataQualityReport(sql, root) : null;
  return { ...outcome, quality, qualityByRegency };
}
