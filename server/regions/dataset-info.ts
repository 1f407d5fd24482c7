import type { Sector } from "../../domain/vocabulary.ts";
import type { Sql } from "../db/sql.ts";
import { commonRegion } from "../../domain/region-code.ts";
import { DATASET_INFO, LOADED_REGIONS, SECTORS, SET_DATASET_INFO } from "./dataset-info.sql.ts";

export type DatasetKey = "regency_code" | "boundary_source" | "boundaries_synthetic" | "workers_synthetic" | "demo_seed";

export async function setDatasetInfo(sql: Sql, values: Partial<Record<DatasetKey, string>>): Promise<void> {
  const entries = Object.entries(values);
  await sql.query(SET_DATASET_INFO, [entries.map(([k]) => k), entries.map(([, v]) => v)]);
}

export async function getDatasetInfo(sql: Sql): Promise<Partial<Record<DatasetKey, string>>> {
  const rows = await sql.query<{ key: DatasetKey; value: string }>(DATASET_INFO);
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export interface LoadedRegion {
  code: string;
  name: string;
  level: "PROVINCE" | "REGENCY";
}

export interface LoadedRegions {
  provinces: LoadedRegion[];
  regencies: LoadedRegion[];
  /** The smallest region holding all the data: the regency alone, the province of several, null across provinces (the nation). */
  rootCode: string | null;
}

/** The provinces and regencies that hold data (boundaries), and the smallest region holding them all. */
export async function loadedRegions(sql: Sql): Promise<LoadedRegions> {
  const rows = await sql.query<LoadedRegion>(LOADED_REGIONS);
  const regencies = rows.filter((r) => r.level === "REGENCY");
  return { provinces: rows.filter((r) => r.level === "PROVINCE"), regencies, rootCode: commonRegion(regencies.map((r) => r.code)) };
}

/** What data is loaded, and the sectors with their names (through Services). */
export class DatasetService {
  constructor(private readonly sql: Sql) {}

  info(): Promise<Partial<Record<DatasetKey, string>>> {
    return getDatasetInfo(this.sql);
  }

  loaded(): Promise<LoadedRegions> {
    return loadedRegions(this.sql);
  }

  async sectors(): Promise<{ code: Sector; nameId: string; nameEn: string }[]> {
    return this.sql.query<{ code: Sector; nameId: string; nameEn: string }>(SECTORS);
  }
}
