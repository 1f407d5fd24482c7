import type { Sector } from "../../domain/vocabulary.ts";
import type { Sql } from "../db/sql.ts";
import { DATASET_INFO, SECTORS, SET_DATASET_INFO } from "./dataset-info.sql.ts";

export type DatasetKey = "regency_code" | "boundary_source" | "boundaries_synthetic" | "workers_synthetic" | "demo_seed";

export async function setDatasetInfo(sql: Sql, values: Partial<Record<DatasetKey, string>>): Promise<void> {
  const entries = Object.entries(values);
  await sql.query(SET_DATASET_INFO, [entries.map(([k]) => k), entries.map(([, v]) => v)]);
}

export async function getDatasetInfo(sql: Sql): Promise<Partial<Record<DatasetKey, string>>> {
  const rows = await sql.query<{ key: DatasetKey; value: string }>(DATASET_INFO);
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** What data is loaded, and the sectors with their names (through Services). */
export class DatasetService {
  constructor(private readonly sql: Sql) {}

  info(): Promise<Partial<Record<DatasetKey, string>>> {
    return getDatasetInfo(this.sql);
  }

  async sectors(): Promise<{ code: Sector; nameId: string; nameEn: string }[]> {
    return this.sql.query<{ code: Sector; nameId: string; nameEn: string }>(SECTORS);
  }
}
