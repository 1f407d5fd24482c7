import type { Polygon } from "geojson";
import { isInRegion } from "../../domain/region-code.ts";
import type { Sql } from "../db/sql.ts";
import type { BoundaryFeature } from "../regions/boundary-parsers.ts";
import { importBoundaries } from "../regions/boundary-import.service.ts";
import { officialRegencies, type OfficialRegency } from "../regions/official-codes.ts";
import { setDatasetInfo } from "../regions/dataset-info.ts";
import { lockImports } from "../imports/import-lock.ts";
import { refreshCoverageSummary } from "../coverage/refresh.sql.ts";
import { ENROLLMENT_COUNT, SYNTHETIC_ENROLLMENTS, SYNTHETIC_WORKFORCE } from "./synthetic-region.sql.ts";

const CELL = 0.02; // degrees, about 2.2 km
/** Where the grid starts (north-west) and how wide a row of regencies may grow, in degrees: inside Indonesia's extent. */
const ORIGIN: [number, number] = [95, 6];
const ROW_WIDTH = 46;

/** A square block of cells per district, side by side in a square-ish regency block. */
function regencyBlock(official: OfficialRegency): { side: number; perRow: number; width: number; height: number } {
  const counts = official.districts.map((d) => official.villages.filter((v) => v.parentCode === d.code).length);
  const side = Math.ceil(Math.sqrt(Math.max(...counts, 1)));
  const perRow = Math.ceil(Math.sqrt(Math.max(official.districts.length, 1)));
  return { side, perRow, width: perRow * side * CELL, height: Math.ceil(official.districts.length / perRow) * side * CELL };
}

const square = (x: number, y: number): Polygon => {
  const ring = [
    [x, y],
    [x + CELL, y],
    [x + CELL, y - CELL],
    [x, y - CELL],
    [x, y],
  ];
  return { type: "Polygon", coordinates: [ring.map(([a, b]) => [Number(a.toFixed(6)), Number(b.toFixed(6))])] };
};

/**
 * Generated village boundaries for many regencies (synthetic, for benchmarks and tests): each
 * village a square cell, each district a block of cells, each regency a block of districts, the
 * regencies in code order on rows running west to east and wrapping south, a cell apart.
 */
export function syntheticRegionBoundaries(regencies: OfficialRegency[], origin: [number, number] = ORIGIN): BoundaryFeature[] {
  const features: BoundaryFeature[] = [];
  let [x, y] = origin;
  let rowHeight = 0;
  for (const official of regencies) {
    const block = regencyBlock(official);
    if (x + block.width > origin[0] + ROW_WIDTH && x > origin[0]) {
      [x, y] = [origin[0], y - rowHeight - CELL];
      rowHeight = 0;
    }
    official.districts.forEach((district, di) => {
      const bx = x + (di % block.perRow) * block.side * CELL;
      const by = y - Math.floor(di / block.perRow) * block.side * CELL;
      official.villages
        .filter((v) => v.parentCode === district.code)
        .forEach((village, vi) => {
          const geometry = square(bx + (vi % block.side) * CELL, by - Math.floor(vi / block.side) * CELL);
          features.push({ code: village.code, name: village.name, geometry, index: features.length + 1 });
        });
    });
    x += block.width + CELL;
    rowHeight = Math.max(rowHeight, block.height);
  }
  return features;
}

/** The official regencies inside a region (a province or regency code; null: the whole country), in code order. */
export async function officialRegenciesIn(region: string | null): Promise<OfficialRegency[]> {
  return [...(await officialRegencies()).values()].filter(
    (r) => region === null || isInRegion(r.regency.code, region) || isInRegion(region, r.regency.code),
  );
}

export interface SyntheticRegionOptions {
  /** A province or regency code; null: the whole country. Default "63" (Kalimantan Selatan: 13 regencies, 2,016 villages). */
  region?: string | null;
  seed?: number;
  /** Multiplies every village's enrollment rate (default 0.25: about 50 enrollments a village; 1: about 200). */
  enrollmentScale?: number;
  /** Called after each step with its name and milliseconds taken. */
  onStep?: (step: string, ms: number) => void;
}

/**
 * Loads a synthetic province (or the nation) into an empty or existing database: the official
 * list's every regency, district and village inside the region, grid geometry imported as a
 * boundary file is, workforce and enrollments from a seed, the coverage summary rebuilt. Worker
 * numbers and boundaries are marked synthetic. Returns what it loaded.
 */
export async function seedSyntheticRegion(
  sql: Sql,
  options: SyntheticRegionOptions = {},
): Promise<{ regencies: string[]; villages: number; enrollments: number }> {
  const region = options.region === undefined ? "63" : options.region;
  const seed = options.seed ?? 1;
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    options.onStep?.(name, performance.now() - start);
    return result;
  };
  const regencies = await officialRegenciesIn(region);
  if (regencies.length === 0) throw new Error(`No regency inside "${region}" in the official list.`);
  const features = syntheticRegionBoundaries(regencies);
  await step("boundaries", () => importBoundaries(sql, features, { source: "synthetic grid (generated)", synthetic: true }));
  const enrollments = await step("workers", () =>
    sql.transaction(async (tx) => {
      await lockImports(tx);
      await tx.query(SYNTHETIC_WORKFORCE, [region, seed, "2025-01"]);
      await tx.query(SYNTHETIC_ENROLLMENTS, [region, seed, options.enrollmentScale ?? 0.25]);
      await refreshCoverageSummary(tx);
      await setDatasetInfo(tx, { workers_synthetic: "true" });
      const [{ n }] = await tx.query<{ n: number }>(ENROLLMENT_COUNT);
      return n;
    }),
  );
  return { regencies: regencies.map((r) => r.regency.code), villages: features.length, enrollments };
}
