import { LEVEL_CODE_LENGTH, parentOfCode } from "../../domain/region-code.ts";
import type { RegionLevel } from "../../domain/vocabulary.ts";
import type { Sql } from "../db/sql.ts";
import { ImportRejected, type InputProblem } from "../common/errors.ts";
import type { BoundaryFeature } from "./boundary-parsers.ts";
import { checkBoundaries } from "./boundary-checks.ts";
import { officialRegency, type OfficialArea } from "./official-codes.ts";
import * as q from "./boundaries.sql.ts";
import { setDatasetInfo } from "./dataset-info.ts";
import { lockImports } from "../imports/import-lock.ts";

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

/** The largest area any feature may have: more than any Indonesian regency (Merauke, about 45,000 km2). */
export const MAX_FEATURE_KM2 = 50_000;
/** A feature's centre may lie this far (km) from the regency's centre at least; more where its places are spread wider. */
export const MIN_SPREAD_KM = 100;

const km = (n: number) => Math.round(n).toLocaleString("en");

/** Staged features too large or too far from the rest of the regency to be one of its places, each with its reason. */
async function implausible(tx: Sql, regencyCode: string, level: RegionLevel): Promise<InputProblem[]> {
  const rows = await tx.query<{
    code: string;
    km2: number;
    others_km2: number;
    regency_km2: number | null;
    km_from_centre: number;
    max_km: number;
    absurd: boolean;
    over_regency: boolean;
    over_others: boolean;
    far: boolean;
  }>(q.IMPLAUSIBLE_STAGED, [regencyCode, level, MAX_FEATURE_KM2, MIN_SPREAD_KM]);
  return rows.map((r) => {
    const reasons = [
      r.absurd && `covers ${km(r.km2)} km2, more than any Indonesian regency (${km(MAX_FEATURE_KM2)} km2)`,
      r.over_regency && `covers ${km(r.km2)} km2, more than regency ${regencyCode} (${km(r.regency_km2!)} km2)`,
      r.over_others && !r.absurd && `covers ${km(r.km2)} km2, more than all the other features together (${km(r.others_km2)} km2)`,
      r.far && `lies ${km(r.km_from_centre)} km from the centre of the regency's other places (at most ${km(r.max_km)} km expected)`,
    ].filter(Boolean);
    return { feature: r.code, column: "geometry", reason: `is implausible: ${reasons.join("; ")}` };
  });
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
    await lockImports(tx);
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
    problems.push(...(await implausible(tx, regencyCode, checked.level)));
    if (checked.level === "VILLAGE") {
      const outside = await tx.query<{ code: string; district: string; inside: number }>(q.VILLAGES_OUTSIDE_DISTRICT, [
        q.OVERLAY_GRID_DEGREES,
      ]);
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
