/** Village x sector counts of enrolled workers for months $1 (zeros left out: a zero is published and adds nothing). */
export const VILLAGE_COUNTS = `
SELECT period, village_code AS code, sector_code AS sector, enrolled
FROM coverage_summary
WHERE period = ANY($1::text[]) AND enrolled <> 0`;
