import { isInRegion, parentOfCode } from "../../domain/region-code.ts";
import type { OfficialArea } from "../regions/official-codes.ts";

/** A village as the database holds it: whether it has a boundary and any workforce figure. */
export interface StoredVillage {
  code: string;
  name: string;
  hasBoundary: boolean;
  hasWorkforce: boolean;
}

export interface VillageRef {
  code: string;
  name: string;
  districtCode: string;
}

export interface DistrictQuality {
  code: string;
  name: string;
  officialVillages: number;
  missingBoundaries: number;
  unlistedBoundaries: number;
  missingWorkforce: number;
}

export interface DataQuality {
  regionCode: string;
  officialVillages: number;
  villagesWithBoundary: number;
  villagesWithWorkforce: number;
  /** In the official list, with no boundary loaded. */
  missingBoundaries: VillageRef[];
  /** With a boundary, but not in the current official list (renamed or split villages, or a list that changed since). */
  unlistedBoundaries: VillageRef[];
  /** Official or drawn villages with no workforce figure for any sector or period. */
  missingWorkforce: VillageRef[];
  byDistrict: DistrictQuality[];
}

const districtOf = (village: string) => parentOfCode(village) ?? village;

/**
 * Compares the villages the database holds with the official list for one region (a regency,
 * a district or a village): what has no boundary, what is drawn but no longer listed, and what
 * has no workforce figures. Pure: the caller loads both lists.
 */
export function dataQuality(input: {
  regionCode: string;
  official: OfficialArea[];
  districts: OfficialArea[];
  stored: StoredVillage[];
}): DataQuality {
  const within = (code: string) => isInRegion(code, input.regionCode);
  const official = input.official.filter((v) => within(v.code));
  const stored = new Map(input.stored.filter((v) => within(v.code)).map((v) => [v.code, v]));
  const listed = new Set(official.map((v) => v.code));
  const ref = (v: { code: string; name: string }): VillageRef => ({ code: v.code, name: v.name, districtCode: districtOf(v.code) });
  const byCode = (a: VillageRef, b: VillageRef) => a.code.localeCompare(b.code);

  const missingBoundaries = official
    .filter((v) => !stored.get(v.code)?.hasBoundary)
    .map(ref)
    .sort(byCode);
  const unlistedBoundaries = [...stored.values()]
    .filter((v) => v.hasBoundary && !listed.has(v.code))
    .map(ref)
    .sort(byCode);
  const considered = [...official.map((v) => ({ code: v.code, name: v.name })), ...unlistedBoundaries];
  const missingWorkforce = considered
    .filter((v) => !stored.get(v.code)?.hasWorkforce)
    .map(ref)
    .sort(byCode);

  const districtCodes = new Set([...official, ...unlistedBoundaries].map((v) => districtOf(v.code)));
  const names = new Map(input.districts.map((d) => [d.code, d.name]));
  const count = (list: VillageRef[], district: string) => list.filter((v) => v.districtCode === district).length;
  const byDistrict = [...districtCodes].sort().map((code) => ({
    code,
    name: names.get(code) ?? code,
    officialVillages: official.filter((v) => districtOf(v.code) === code).length,
    missingBoundaries: count(missingBoundaries, code),
    unlistedBoundaries: count(unlistedBoundaries, code),
    missingWorkforce: count(missingWorkforce, code),
  }));

  return {
    regionCode: input.regionCode,
    officialVillages: official.length,
    villagesWithBoundary: [...stored.values()].filter((v) => v.hasBoundary).length,
    villagesWithWorkforce: [...stored.values()].filter((v) => v.hasWorkforce).length,
    missingBoundaries,
    unlistedBoundaries,
    missingWorkforce,
    byDistrict,
  };
}
