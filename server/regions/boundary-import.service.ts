import { LEVEL_CODE_LENGTH, ancestorAt, levelOfCode, parentOfCode } from "../../domain/region-code.ts";
import type { RegionLevel } from "../../domain/vocabulary.ts";
import type { Sql } from "../db/sql.ts";
import { ImportRejected, type InputProblem } from "../common/errors.ts";
import type { BoundaryFeature } from "./boundary-parsers.ts";
import { checkBoundaries } from "./boundary-checks.ts";
import { officialRegency, type OfficialArea, type OfficialRegency } from "./official-codes.ts";
import * as q from "./boundaries.sql.ts";
import { setDatasetInfo } from "./dataset-info.ts";
import { lockImports } from "../imports/import-lock.ts";
import { append } from "../common/collections.ts";

export interface BoundaryImportOptions {
  level?: RegionLevel;
  /** Shown as the boundaries' source in the UI and the data-quality report. */
  source: string;
  synthetic?: boolean;
}

export interface BoundaryImportReport {
  /** The regencies the file held, each replaced whole; others are untouched. */
  regencyCodes: string[];
  /** Their provinces (whose geometry was derived again). */
  provinceCodes: string[];
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

/** The features grouped by the regency their codes name (codes too short to name one stay in `unplaced`). */
function byRegency(features: BoundaryFeature[]): { groups: Map<string, BoundaryFeature[]>; unplaced: BoundaryFeature[] } {
  const groups = new Map<string, BoundaryFeature[]>();
  const unplaced: BoundaryFeature[] = [];
  for (const f of features) {
    const regency = ancestorAt(f.code, "REGENCY");
    if (!regency || levelOfCode(regency) !== "REGENCY") unplaced.push(f);
    else append(groups, regency, f);
  }
  return { groups, unplaced };
}

/**
 * Imports boundaries of one regency or many (a province file, the national file), all or
 * nothing: each regency's features are checked against its official list, invalid geometry is
 * repaired with ST_MakeValid (reporting which), villages lying outside their district are
 * refused; district, regency and province geometry is derived by union and display geometry
 * precomputed. Only the regencies the file holds change.
 */
export async function importBoundaries(
  sql: Sql,
  features: BoundaryFeature[],
  options: BoundaryImportOptions,
): Promise<BoundaryImportReport> {
  if (features.length === 0) throw new ImportRejected(options.source, [{ reason: "the file holds no features" }]);
  const level = options.level ?? levelOfCode(features.find((f) => levelOfCode(f.code))?.code ?? "") ?? "VILLAGE";
  if (level === "PROVINCE")
    throw new ImportRejected(options.source, [
      { reason: "province boundaries are derived from their regencies: import regency, district or village boundaries" },
    ]);
  const { groups, unplaced } = byRegency(features);
  const problems: InputProblem[] = [];
  const checkedGroups: { official: OfficialRegency; unlisted: string[] }[] = [];
  const unplacedCheck = checkBoundaries(unplaced, null, level);
  problems.push(...unplacedCheck.problems);
  for (const [regencyCode, group] of groups) {
    const official = await officialRegency(regencyCode);
    if (!official) {
      for (const f of group)
        problems.push({
          feature: f.code,
          column: "code",
          value: f.code,
          reason: `names regency ${regencyCode}, which is not in the official list`,
        });
      continue;
    }
    const checked = checkBoundaries(group, official, level);
    problems.push(...checked.problems);
    checkedGroups.push({ official, unlisted: checked.unlisted });
  }
  if (problems.length > 0) throw new ImportRejected(options.source, sortProblems(problems, features));
  const regencyCodes = checkedGroups.map((g) => g.official.regency.code).sort();
  const provinceCodes = [...new Set(checkedGroups.map((g) => g.official.province.code))].sort();
  const unlisted = checkedGroups.flatMap((g) => g.unlisted).sort();

  return sql.transaction(async (tx) => {
    await lockImports(tx);
    const featureByCode = new Map(features.map((f) => [f.code, f]));
    await upsertHierarchy(tx, [
      ...provinceCodes.map((code) => ({
        area: checkedGroups.find((g) => g.official.province.code === code)!.official.province,
        level: "PROVINCE" as const,
      })),
      ...checkedGroups.flatMap(({ official, unlisted }) => [
        { area: official.regency, level: "REGENCY" as const },
        ...official.districts.map((area) => ({ area, level: "DISTRICT" as const })),
        ...official.villages.map((area) => ({ area, level: "VILLAGE" as const })),
        ...unlisted.map((code) => ({
          area: { code, name: featureByCode.get(code)!.name || code, parentCode: parentOfCode(code) },
          level: "VILLAGE" as const,
        })),
      ]),
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
    for (const regencyCode of regencyCodes) problems.push(...(await implausible(tx, regencyCode, level)));
    if (level === "VILLAGE") {
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
    await deriveAndSimplify(tx, level, regencyCodes, provinceCodes);
    await setDatasetInfo(tx, {
      regency_code: regencyCodes[regencyCodes.length - 1],
      boundary_source: options.source,
      boundaries_synthetic: String(options.synthetic ?? false),
    });
    return { regencyCodes, provinceCodes, level, imported: features.length, repaired, unlisted };
  });
}

/** Problems in the order of the file's features (each regency was checked on its own). */
function sortProblems(problems: InputProblem[], features: BoundaryFeature[]): InputProblem[] {
  const order = new Map(features.map((f, i) => [f.code || `#${f.index}`, i]));
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (order.get(a.p.feature ?? "") ?? 0) - (order.get(b.p.feature ?? "") ?? 0) || a.i - b.i)
    .map((x) => x.p);
}

/**
 * Districts, regencies and provinces rebuilt from what was imported (unless their own boundary
 * was), their areas and inner points, and display geometry simplified as a coverage per touched
 * province (provinces over the whole country), so neighbours keep shared edges.
 */
async function deriveAndSimplify(tx: Sql, level: RegionLevel, regencyCodes: string[], provinceCodes: string[]): Promise<void> {
  if (level === "VILLAGE") await tx.query(q.DERIVE_PARENTS, [LEVEL_CODE_LENGTH.DISTRICT, regencyCodes, q.SLIVER_HOLE_M2]);
  if (level !== "REGENCY") await tx.query(q.DERIVE_PARENTS, [LEVEL_CODE_LENGTH.REGENCY, regencyCodes, q.SLIVER_HOLE_M2]);
  for (const provinceCode of provinceCodes) {
    await tx.query(q.DERIVE_PROVINCE, [provinceCode, q.SLIVER_HOLE_M2]);
    await tx.query(q.UPDATE_MEASURES, [provinceCode]);
  }
  const [{ n }] = await tx.query<{ n: number }>(q.HAS_COVERAGE_SIMPLIFY);
  const levels: { level: RegionLevel; within: (string | null)[] }[] = [
    { level: "VILLAGE", within: provinceCodes },
    { level: "DISTRICT", within: provinceCodes },
    { level: "REGENCY", within: provinceCodes },
    { level: "PROVINCE", within: [null] },
  ];
  for (const { level: simplified, within } of levels) {
    for (const region of within) {
      for (const [column, tolerance] of Object.entries(SIMPLIFY) as [keyof typeof SIMPLIFY, number][]) {
        await tx.query(q.simplifyLevel(column, n > 0), [simplified, region, tolerance]);
      }
    }
  }
}
