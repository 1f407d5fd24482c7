import { LEVEL_CODE_LENGTH, parentOfCode } from "../../domain/region-code.ts";
import type { RegionLevel } from "../../domain/vocabulary.ts";
import type { Sql } from "../db/sql.ts";
import { ImportRejected, type InputProblem } from "../common/errors.ts";
import type { BoundaryFeature } from "./boundary-parsers.ts";
import { checkBoundaries } from "./boundary-checks.ts";
import { officialRegency, type OfficialArea } from "./official-codes.ts";
import * as q from "./boundaries.sql.ts";
import { setDatasetInfo } from "./dataset-info.ts";

export interface BoundaryImportOptions {
  level?: RegionLevel;
  /** Shown as the boundaries' source in the UI and the data-quality report. */
  source: string;
  synthetic?: boolean;
}

export interface BoundaryImportReport {
  regencyCode: string;
  level: RegionLevel;
  imported: number;
  repaired: { code: string; reason: string }[];
  unlisted: string[];
}

const BATCH = 200;
const SIMPLIFY = { geom_medium: 0.0004, geom_low: 0.0015 } as const;

/** Writes the official hierarchy (province > regency > districts > villages) for one regency. */
export async function upsertHierarchy(tx: Sql, areas: { area: OfficialArea; level: RegionLevel }[]): Promise<void> {
  await tx.query(q.UPSERT_REGION, [
    areas.map((a) => a.area.code),
    areas.map((a) => a.level),
    areas.map((a) => a.area.name),
    areas.map((a) => a.area.parentCode),
  ]);
}

/**
 * Imports boundaries for one regency, all or nothing: checks codes and coordinates, repairs
 * invalid geometry with ST_MakeValid (reporting which), refuses villages lying outside their
 * district, derives district and regency geometry by union, and precomputes display geometry.
 */
export async function importBoundaries(
  sql: Sql,
  features: BoundaryFeature[],
  options: BoundaryImportOptions,
): Promise<BoundaryImportReport> {
  if (features.length === 0) throw new ImportRejected(options.source, [{ reason: "the file holds no features" }]);
  const regencyCode = (features.find((f) => /^\d{2}\.\d{2}/.test(f.code))?.code ?? "").slice(0, LEVEL_CODE_LENGTH.REGENCY);
  const official = await officialRegency(regencyCode);
  if (!official) throw new ImportRejected(options.source, [{ reason: `no regency with code "${regencyCode}" in the official list` }]);
  const checked = checkBoundaries(features, official, options.level);
  if (checked.problems.length > 0) throw new ImportRejected(options.source, checked.problems);

  return sql.transaction(async (tx) => {
    await upsertHierarchy(tx, [
      { area: official.province, level: "PROVINCE" },
      { area: official.regency, level: "REGENCY" },
      ...official.districts.map((area) => ({ area, level: "DISTRICT" as const })),
      ...official.villages.map((area) => ({ area, level: "VILLAGE" as const })),
      ...checked.unlisted.map((code) => {
        const f = features.find((x) => x.code === code)!;
        return { area: { code, name: f.name || code, parentCode: parentOfCode(code) }, level: "VILLAGE" as const };
      }),
    ]);
    await tx.exec(q.CREATE_STAGE);
    await tx.exec(q.CLEAR_STAGE);
    for (let i = 0; i < features.length; i += BATCH) {
      const batch = features.slice(i, i + BATCH);
      await tx.query(q.STAGE_FEATURES, [batch.map((f) => f.code), batch.map((f) => f.name), batch.map((f) => JSON.stringify(f.geometry))]);
    }
    const repaired = await tx.query<{ code: string; reason: string }>(q.INVALID_STAGED);
    await tx.exec(q.REPAIR_STAGED);
    const problems: InputProblem[] = (await tx.query<{ code: string }>(q.EMPTY_STAGED)).map((r) => ({
      feature: r.code,
      column: "geometry",
      reason: "is empty after repair with ST_MakeValid (no area left)",
    }));
    if (checked.level === "VILLAGE") {
      const outside = await tx.query<{ code: string; district: string; inside: number }>(q.VILLAGES_OUTSIDE_DISTRICT);
      for (const o of outside) {
        problems.push({
          feature: o.code,
          column: "geometry",
          reason: `lies outside its district ${o.district}: only ${Math.round(o.inside * 100)}% of its area is inside`,
        });
      }
    }
    if (problems.length > 0) throw new ImportRejected(options.source, problems);
    await tx.query(q.APPLY_STAGED, [options.source, options.synthetic ?? false]);
    if (checked.level === "VILLAGE") await tx.query(q.DERIVE_PARENTS, [LEVEL_CODE_LENGTH.DISTRICT, regencyCode, q.SLIVER_HOLE_M2]);
    if (checked.level !== "REGENCY") await tx.query(q.DERIVE_PARENTS, [LEVEL_CODE_LENGTH.REGENCY, regencyCode, q.SLIVER_HOLE_M2]);
    await tx.query(q.UPDATE_MEASURES, [regencyCode]);
    const [{ n }] = await tx.query<{ n: number }>(q.HAS_COVERAGE_SIMPLIFY);
    for (const level of ["VILLAGE", "DISTRICT", "REGENCY"] as const) {
      for (const [column, tolerance] of Object.entries(SIMPLIFY) as [keyof typeof SIMPLIFY, number][]) {
        await tx.query(q.simplifyLevel(column, n > 0), [level, regencyCode, tolerance]);
      }
    }
    await setDatasetInfo(tx, {
      regency_code: regencyCode,
      boundary_source: options.source,
      boundaries_synthetic: String(options.synthetic ?? false),
    });
    return { regencyCode, level: checked.level, imported: features.length, repaired, unlisted: checked.unlisted };
  });
}
