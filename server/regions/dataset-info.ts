import type { Database } from "../db/database.ts";
import type { Sector } from "../../domain/vocabulary.ts";
import type { Sql } from "../db/sql.ts";

export type DatasetKey = "regency_code" | "boundary_source" | "boundaries_synthetic" | "workers_synthetic" | "demo_seed";

export async function setDatasetInfo(sql: Sql, values: Partial<Record<DatasetKey, string>>): Promise<void> {
  const entries = Object.entries(values);
  await sql.query(
    `INSERT INTO dataset_info (key, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [entries.map(([k]) => k), entries.map(([, v]) => v)],
  );
}

export async function getDatasetInfo(sql: Sql): Promise<Partial<Record<DatasetKey, string>>> {
  const rows = await sql.query<{ key: DatasetKey; value: string }>(`SELECT key, value FROM dataset_info`);
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** What data is loaded, and the sectors with their names (through Services). */
export class DatasetService {
  constructor(private readonly db: Database) {}

  info(): Promise<Partial<Record<DatasetKey, string>>> {
    return getDatasetInfo(this.db.sql);
  }

  async sectors(): Promise<{ code: Sector; nameId: string; nameEn: string }[]> {
    const rows = await this.db.prisma.sector.findMany({ orderBy: { sort: "asc" } });
    return rows.map((r) => ({ code: r.code as Sector, nameId: r.nameId, nameEn: r.nameEn }));
  }
}
