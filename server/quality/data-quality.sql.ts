import { SQL_BELOW_REGION, SQL_IN_REGION } from "../../domain/region-code.ts";
/** Villages stored under region $1 (a province, regency, district or village code), with whether each has a boundary and any workforce figure. */
export const STORED_VILLAGES = `
SELECT v.code, v.name, v.geom IS NOT NULL AS "hasBoundary",
       EXISTS (SELECT 1 FROM workforce_estimate w WHERE w.village_code = v.code) AS "hasWorkforce"
FROM region v
WHERE v.level = 'VILLAGE' AND ${SQL_IN_REGION("v.code", "$1")}`;

/** Regencies stored inside province $1 (those holding data: their hierarchy is written at import). */
export const REGENCIES_IN = `SELECT code FROM region WHERE level = 'REGENCY' AND ${SQL_BELOW_REGION("code", "$1")} ORDER BY code`;
