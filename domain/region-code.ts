/**
 * Kemendagri region codes: 35 (province), 35.26 (regency), 35.26.01 (district), 35.26.01.1001
 * (village). Each code starts with its parent's code and a dot, so "inside region X" is
 * `code = X or code starts with "X."`: here once for TypeScript (server and client) and once for
 * SQL (every *.sql.ts). A level is one row of LEVELS; callers never count dots or characters.
 */
import { RegionLevel } from "./vocabulary.ts";

/** Every level, largest first, with the shape and length of its codes. */
const LEVELS: readonly { level: RegionLevel; shape: RegExp; length: number }[] = [
  { level: RegionLevel.PROVINCE, shape: /^\d{2}$/, length: 2 },
  { level: RegionLevel.REGENCY, shape: /^\d{2}\.\d{2}$/, length: 5 },
  { level: RegionLevel.DISTRICT, shape: /^\d{2}\.\d{2}\.\d{2}$/, length: 8 },
  { level: RegionLevel.VILLAGE, shape: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, length: 13 },
];

/** Length of the codes of each level (a region's code cut to this is its ancestor at that level). */
export const LEVEL_CODE_LENGTH = Object.fromEntries(LEVELS.map((l) => [l.level, l.length])) as Record<RegionLevel, number>;

/** Level of a code by its shape; null when it has none of the shapes. */
export function levelOfCode(code: string): RegionLevel | null {
  return LEVELS.find((l) => l.shape.test(code))?.level ?? null;
}

/** The level just below; null for the smallest. */
export function childLevel(level: RegionLevel): RegionLevel | null {
  return LEVELS[LEVELS.findIndex((l) => l.level === level) + 1]?.level ?? null;
}

/** The code of the region containing this one (35.26.01 for 35.26.01.1001); null at the top. */
export const parentOfCode = (code: string): string | null => (code.includes(".") ? code.slice(0, code.lastIndexOf(".")) : null);

/** The region at `level` containing this code (itself at its own level); null when the code is above that level. */
export function ancestorAt(code: string, level: RegionLevel): string | null {
  const length = LEVEL_CODE_LENGTH[level];
  return code.length === length || code.charAt(length) === "." ? code.slice(0, length) : null;
}

/** The code is the region itself or lies inside it: 35.26.01.1001 is in 35.26.01 and in 35.26; 35.26.10 is not in 35.26.1. */
export const isInRegion = (code: string, region: string): boolean => code === region || isBelowRegion(code, region);

/** As isInRegion, where null or "" is the nation (all the data loaded), which holds every code. */
export const isInRegionOrNation = (code: string, region: string | null): boolean => !region || isInRegion(code, region);

/** The code lies strictly inside the region. */
export const isBelowRegion = (code: string, region: string): boolean => code.startsWith(`${region}.`);

/** SQL: `column` lies strictly inside the region `param` (a SQL expression, e.g. $2). */
export const SQL_BELOW_REGION = (column: string, param: string): string => `${column} LIKE ${param} || '.%'`;

/** SQL: `column` is the region `param` or lies inside it. */
export const SQL_IN_REGION = (column: string, param: string): string => `(${column} = ${param} OR ${SQL_BELOW_REGION(column, param)})`;

/** SQL: as SQL_IN_REGION, and true for every row when `param` is null (no region chosen). */
export const SQL_IN_REGION_OR_ALL = (column: string, param: string): string =>
  `(${param}::text IS NULL OR ${SQL_IN_REGION(column, param)})`;

/** SQL: as SQL_BELOW_REGION, and true for every row when `param` is null. */
export const SQL_BELOW_REGION_OR_ALL = (column: string, param: string): string =>
  `(${param}::text IS NULL OR ${SQL_BELOW_REGION(column, param)})`;

/**
 * The smallest region holding every one of these codes: the common ancestor (35.26 for 35.26.01 and
 * 35.26.02; 35 for 35.26 and 35.01); null when they span provinces (the nation) or there are none.
 */
export function commonRegion(codes: readonly string[]): string | null {
  if (codes.length === 0) return null;
  let common: string | null = codes[0];
  for (const code of codes.slice(1)) {
    while (common !== null && !isInRegion(code, common)) common = parentOfCode(common);
  }
  return common;
}
