/** $1 keys, $2 values: set them. */
export const SET_DATASET_INFO = `INSERT INTO dataset_info (key, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;

export const DATASET_INFO = `SELECT key, value FROM dataset_info`;

/** The sectors with their names, in display order. */
export const SECTORS = `SELECT code, name_id AS "nameId", name_en AS "nameEn" FROM sector ORDER BY sort, code`;
