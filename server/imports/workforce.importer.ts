import type { Sql } from "../db/sql.ts";
import { columnsOf, type RowImporter } from "./csv-import.service.ts";
import { parseCount, parsePeriod, parseSector } from "./normalize.ts";
import { VillageLookup } from "./village-lookup.ts";
import { RowCheck, VILLAGE_COLUMNS } from "./row-check.ts";
import { WORKFORCE_BROKEN_REFERENCES, WRITE_WORKFORCE } from "./imports.sql.ts";

export interface WorkforceRecord {
  villageCode: string;
  sectorCode: string;
  period: string;
  workers: number;
  source: string;
  estimated: boolean;
}

export async function writeWorkforce(tx: Sql, batch: WorkforceRecord[]): Promise<void> {
  await tx.query(WRITE_WORKFORCE, columnsOf(batch, ["villageCode", "sectorCode", "period", "workers", "source", "estimated"]));
}

/** Workforce CSV: village_code (or nama_desa + kecamatan), sector, period, workers, source[, estimated]. */
export const workforceImporter: RowImporter<WorkforceRecord> = {
  kind: "workforce",
  aliases: {
    ...VILLAGE_COLUMNS,
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
      const check = new RowCheck(row);
      const village = check.village(villages);
      const sector = check.read("sector", parseSector, "is not a sector (petani/farmer, peternak/livestock, nelayan/fisher)");
      const period = check.read("period", parsePeriod, "is not a period (YYYY or YYYY-MM)");
      const workers = check.read("workers", parseCount, "is not a whole number of workers");
      const source = row.get("source");
      if (!source) check.bad("source", "", "is empty: say where the number comes from");
      if (!check.ok) return check.problems;
      const key = `${village}|${sector}|${period}`;
      const first = firstLine.get(key);
      if (first !== undefined)
        return [
          { line: row.line, column: "village_code", value: village!, reason: `repeats line ${first} (same village, sector and period)` },
        ];
      firstLine.set(key, row.line);
      const estimated = !["false", "0", "no", "tidak", "count", "sensus"].includes(row.get("estimated").toLowerCase());
      return { villageCode: village!, sectorCode: sector!, period: period!, workers: workers!, source, estimated };
    };
  },
  write: writeWorkforce,
  brokenReferences: WORKFORCE_BROKEN_REFERENCES,
};
