import type { Sql } from "../db/sql.ts";
import { badInput, notFound } from "../common/errors.ts";
import { loadedRegions } from "../regions/dataset-info.ts";
import { officialRegency } from "../regions/official-codes.ts";
import { ancestorAt, levelOfCode } from "../../domain/region-code.ts";
import { dataQuality, type DataQuality, type StoredVillage } from "./data-quality.ts";
import { REGENCIES_IN, STORED_VILLAGES } from "./data-quality.sql.ts";

/**
 * The data-quality report for a province, regency, district or village (default: the smallest
 * region holding all the data): official villages without a boundary, boundaries not in the
 * current official list, villages without workforce figures. A province's report covers its
 * regencies that hold data.
 */
export async function dataQualityReport(sql: Sql, regionCode?: string | null): Promise<DataQuality> {
  const code = regionCode ?? (await loadedRegions(sql)).rootCode;
  if (!code) {
    const several = (await loadedRegions(sql)).provinces.length > 1;
    throw badInput(
      "regionCode",
      several
        ? "regionCode: the data spans several provinces; give a province, regency, district or village code (e.g. 35 or 35.26)."
        : "regionCode: no boundaries are loaded yet, so there is no default region; give a regency code such as 35.26.",
    );
  }
  const level = levelOfCode(code);
  if (level === null)
    throw badInput(
      "regionCode",
      `regionCode "${code}" must be a province, regency, district or village code (e.g. 35, 35.26 or 35.26.01).`,
    );
  const regencies =
    level === "PROVINCE" ? await sql.query<{ code: string }>(REGENCIES_IN, [code]) : [{ code: ancestorAt(code, "REGENCY")! }];
  const officials = (await Promise.all(regencies.map((r) => officialRegency(r.code)))).filter((o) => o !== null);
  const stored = await sql.query<StoredVillage>(STORED_VILLAGES, [code]);
  const areas = officials.flatMap((o) => [o.province, o.regency, ...o.districts, ...o.villages]);
  if (!areas.some((a) => a.code === code) && stored.length === 0)
    throw notFound(`regionCode: no region with code "${code}" in the official list or the database.`);
  return dataQuality({
    regionCode: code,
    official: officials.flatMap((o) => o.villages),
    districts: officials.flatMap((o) => o.districts),
    stored,
  });
}

/** The report for GraphQL (through Services, like every resolver). */
export class DataQualityService {
  constructor(private readonly sql: Sql) {}

  report(regionCode: string | null): Promise<DataQuality> {
    return dataQualityReport(this.sql, regionCode);
  }
}
