import type { InputProblem } from "../common/errors.ts";
import type { Sql } from "../db/sql.ts";
import type { RowImporter } from "./csv-import.service.ts";
import { parseCount, parsePeriod, parseSector } from "./normalize.ts";
import { VillageLookup } from "./village-lookup.ts";

export interface WorkforceRecord {
  villageCode: string;
  sectorCode: string;
  period: string;
  workers: number;
  source: string;
  estimated: boolean;
}

export const WRITE_WORKFORCE = `
INSERT INTO workforce_estimate (village_code, sector_code, period, workers, source, estimated)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::bool[])
ON CONFLICT (village_code, sector_code, period) DO UPDATE
SET workers = EXCLUDED.workers, source = EXCLUDED.source, estimated = EXCLUDED.estimated`;

export async function writeWorkforce(tx: Sql, batch: WorkforceRecord[]): Promise<void> {
  await tx.query(WRITE_WORKFORCE, [
    batch.map((r) => r.villageCode),
    batch.map((r) => r.sectorCode),
    batch.map((r) => r.period),
    batch.map((r) => r.workers),
    batch.map((r) => r.source),
    batch.map((r) => r.estimated),
  ]);
}

/** Workforce CSV: village_code (or nama_desa + kecamatan), sector, period, workers, source[, estimated]. */
export const workforceImporter: RowImporter<WorkforceRecord> = {
  kind: "workforce",
  aliases: {
    village_code: ["kode_desa", "kode"],
    village_name: ["nama_desa", "desa", "village"],
    district_name: ["kecamatan", "nama_kecamatan", "district"],
    sector: ["sektor"],
    period: ["periode", "tahun", "year"],
    workers: ["jumlah_pekerja", "jumlah", "pekerja"],
    source: ["sumber", "sumber_data"],
    estimated: ["estimasi", "perkiraan"],
  },
  required: ["sector", "period", "workers", "source"],
  key: (r) => `${r.villageCode}|${r.sectorCode}|${r.period}`,
  async prepare(sql) {
    const villages = await VillageLookup.load(sql);
    const firstLine = new Map<string, number>();
    return (row) => {
      const problems: InputProblem[] = [];
      const bad = (column: string, value: string, reason: string) => problems.push({ line: row.line, column, value, reason });
      const village = villages.resolve(row.get("village_code"), row.get("village_name"), row.get("district_name"));
      if ("reason" in village) bad(village.column, village.value, village.reason);
      const sector = parseSector(row.get("sector"));
      if (!sector) bad("sector", row.get("sector"), "is not a sector (petani/farmer, peternak/livestock, nelayan/fisher)");
      const period = parsePeriod(row.get("period"));
      if (!period) bad("period", row.get("period"), "is not a period (YYYY or YYYY-MM)");
      const workers = parseCount(row.get("workers"));
      if (workers === null) bad("workers", row.get("workers"), "is not a whole number of workers");
      const source = row.get("source");
      if (!source) bad("source", "", "is empty: say where the number comes from");
      const estimatedText = row.get("estimated").toLowerCase();
      if (problems.length > 0 || "reason" in village) return problems;
      const key = `${village.code}|${sector}|${period}`;
      const first = firstLine.get(key);
      if (first !== undefined) return [{ line: row.line, column: "village_code", value: village.code, reason: `repeats line ${first} (same village, sector and period)` }];
      firstLine.set(key, row.line);
      const estimated = !["false", "0", "no", "tidak", "count", "sensus"].includes(estimatedText);
      return { villageCode: village.code, sectorCode: sector!, period: period!, workers: workers!, source, estimated };
    };
  },
  write: writeWorkforce,
};
