import { SQL_IN_REGION_OR_ALL } from "../../domain/region-code.ts";
/**
 * SQL for a synthetic province or nation (benchmarks and browser tests): workforce and enrollments
 * drawn from a hash of each village's code and the seed, so the same seed gives the same data.
 */

/** A uniform number in [0, 1) from text. */
const uniform = (text: string) => `(abs(hashtext(${text}))::float8 / 2147483648)`;

/** Workforce for every village with a boundary inside $1 (null: all): farmers, livestock keepers, fishers in about 30% of villages. $2 seed, $3 period. */
export const SYNTHETIC_WORKFORCE = `
INSERT INTO workforce_estimate (village_code, sector_code, period, workers, source, estimated)
SELECT v.code, s.code, $3, w.workers, 'Synthetic (generated)', true
FROM region v
CROSS JOIN (VALUES ('FARMER', 50, 450), ('LIVESTOCK', 20, 180), ('FISHER', 10, 150)) AS s(code, low, spread)
CROSS JOIN LATERAL (SELECT (s.low + ${uniform("v.code || s.code || $2::text")} * s.spread)::int AS workers) w
WHERE v.level = 'VILLAGE' AND v.geom IS NOT NULL AND ${SQL_IN_REGION_OR_ALL("v.code", "$1")}
  AND (s.code <> 'FISHER' OR ${uniform("v.code || 'coast' || $2::text")} < 0.3)
ON CONFLICT (village_code, sector_code, period) DO UPDATE SET workers = EXCLUDED.workers`;

/**
 * Enrollments for the workforce inside $1 (null: all): a village and sector's rate uniform in
 * 0.1 to 0.9 times $3 (a scale), starts spread over the 24 months to 2025-09, one in ten ended.
 * The hash is of a made-up worker id, never of a NIK. $2 seed.
 */
export const SYNTHETIC_ENROLLMENTS = `
INSERT INTO enrollment (nik_hash, village_code, sector_code, start_date, end_date, status, funding_source)
SELECT md5($2::text || ':' || w.village_code || ':' || w.sector_code || ':' || g),
       w.village_code, w.sector_code,
       date '2023-10-01' + (abs(hashtext(w.village_code || w.sector_code || g::text)) % 720),
       CASE WHEN g % 10 = 0 THEN date '2025-09-30' - (g % 200) END,
       (CASE WHEN g % 10 = 0 THEN 'ENDED' ELSE 'ACTIVE' END)::"EnrollmentStatus",
       (CASE WHEN g % 7 = 0 THEN 'APBD' ELSE 'DBHCHT' END)::"FundingSource"
FROM workforce_estimate w
CROSS JOIN LATERAL generate_series(1, floor(w.workers * (0.1 + 0.8 * ${uniform("w.village_code || w.sector_code || 'rate' || $2::text")}) * $3::float8)::int) AS g
WHERE ${SQL_IN_REGION_OR_ALL("w.village_code", "$1")}
ON CONFLICT (nik_hash) DO NOTHING`;

export const ENROLLMENT_COUNT = `SELECT count(*)::int AS n FROM enrollment`;
