import { SQL_IN_REGION_OR_ALL } from "../../domain/region-code.ts";

/**
 * Workers active at the end of month $1 (as the coverage summary counts enrolled: started before
 * the next month and not ended before it) in region $2 (null: all data) and sectors $3, by who pays
 * their premium and sector.
 */
export const ACTIVE_BY_SOURCE = `
WITH asof AS (SELECT (to_date($1 || '-01', 'YYYY-MM-DD') + interval '1 month')::date AS n)
SELECT e.funding_source::text AS source, e.sector_code AS sector, count(*)::int AS active
FROM enrollment e, asof
WHERE e.start_date < asof.n AND (e.end_date IS NULL OR e.end_date >= asof.n)
  AND ${SQL_IN_REGION_OR_ALL("e.village_code", "$2")} AND e.sector_code = ANY($3::text[])
GROUP BY 1, 2
ORDER BY 1, 2`;

export const SAVED_SCENARIOS = `
SELECT id, name, created_at AS "createdAt", result AS scenario FROM funding_scenario
WHERE $1::int[] IS NULL OR id = ANY($1::int[])
ORDER BY created_at DESC, id DESC`;
