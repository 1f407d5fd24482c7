import type { Sql } from "../db/sql.ts";
import { badInput, notFound } from "../common/errors.ts";
import { getDatasetInfo } from "../regions/dataset-info.ts";
import { officialRegency } from "../regions/official-codes.ts";
import { ancestorAt, levelOfCode } from "../../domain/region-code.ts";
import { dataQuality, type DataQuality, type StoredVillage } from "./data-quality.ts";
import { STORED_VILLAGES } from "./data-quality.sql.ts";

/**
 * The data-quality report for a regency, district or village (default: the loaded regency):
 * official villages without a boundary, boundaries not in the current official list, villages
 * without workforce figures.
 */
export async function dataQualityReport(sql: Sql, regionCode?: string | null): Promise<DataQuality> {
  const code = regionCode ?? (await getDatasetInfo(sql)).regency_code;
  if (!code)
    throw badInput(
      "regionCode",
      "regionCode: no boundaries are loaded yet, so there is no default region; give a regency code such as 35.26.",
    );
  const level = levelOfCode(code);
  if (level === null || level === "PROVINCE")
    throw badInput("regionCode", `regionCode "${code}" must be a regency, district or village code (e.g. 35.26 or 35.26.01).`);
  const official = await officialRegency(ancestorAt(code, "REGENCY")!);
  const stored = await sql.query<StoredVillage>(STORED_VILLAGES, [code]);
  const known = official && (code === official.regency.code || [...official.districts, ...official.villages].some((a) => a.code === code));
  if (!official || (!known && stored.length === 0))
    throw notFound(`regionCode: no region with code "${code}" in the official list or the database.`);
  return dataQuality({ regionCode: code, official: official.villages, districts: official.districts, stored });
}

/** The report for GraphQL (through Services, like every resolver). */
export class DataQualityService {
  constructor(private readonly sql: Sql) {}

  report(regionCode: string | null): Promise<DataQuality> {
    return dataQualityReport(this.sql, regionCode);
  }
}
