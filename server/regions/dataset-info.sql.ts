import { LEVEL_CODE_LENGTH } from "../../domain/region-code.ts";
/** $1 keys, $2 values: set them. */
export const SET_DATASET_INFO = `INSERT INTO dataset_info (key, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;

export const DATASET_INFO = `SELECT key, value FROM dataset_info`;

/** The sectors with their names, in display order. */
export const SECTORS = `SELECT code, name_id AS "nameId", name_en AS "nameEn" FROM sector ORDER BY sort, code`;

/**
 * Provinces and regencies holding data, in code order: a boundary of their own, or of any village
 * inside them (so a regency whose derived outline failed still counts).
 */
export const LOADED_REGIONS = `
WITH drawn AS (
  SELECT DISTINCT left(code, ${LEVEL_CODE_LENGTH.REGENCY}) AS regency FROM region WHERE level = 'VILLAGE' AND geom IS NOT NULL
  UNION SELECT code FROM region WHERE level = 'REGENCY' AND geom IS NOT NULL
)
SELECT r.code, r.name, r.level::text AS level FROM region r
WHERE r.code IN (SELECT regency FROM drawn UNION SELECT left(regency, ${LEVEL_CODE_LENGTH.PROVINCE}) FROM drawn)
ORDER BY r.code`;
