import type { RegionLevel } from "../../domain/vocabulary.ts";
import { getDistricts, getRegencies, getVillages, getProvinces } from "idn-area-data";

export interface OfficialArea {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface OfficialRegency {
  province: OfficialArea;
  regency: OfficialArea;
  districts: OfficialArea[];
  villages: OfficialArea[];
}

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s(/-])\p{L}/gu, (m) => m.toUpperCase());

const loaded = new Map<string, Promise<OfficialRegency | null>>();

/** The Kemendagri code list (from idn-area-data) for one regency; read once per process. */
export function officialRegency(regencyCode: string): Promise<OfficialRegency | null> {
  if (!loaded.has(regencyCode)) loaded.set(regencyCode, readOfficialRegency(regencyCode));
  return loaded.get(regencyCode)!;
}

async function readOfficialRegency(regencyCode: string): Promise<OfficialRegency | null> {
  const regencies = await getRegencies();
  const r = regencies.find((x) => x.code === regencyCode);
  if (!r) return null;
  const province = (await getProvinces()).find((p) => p.code === r.province_code)!;
  const districts = (await getDistricts()).filter((d) => d.regency_code === regencyCode);
  const districtCodes = new Set(districts.map((d) => d.code));
  const villages = (await getVillages()).filter((v) => districtCodes.has(v.district_code));
  return {
    province: { code: province.code, name: titleCase(province.name), parentCode: null },
    regency: { code: r.code, name: titleCase(r.name.replace(/^KABUPATEN /, "")), parentCode: province.code },
    districts: districts.map((d) => ({ code: d.code, name: d.name, parentCode: regencyCode })),
    villages: villages.map((v) => ({ code: v.code, name: v.name, parentCode: v.district_code })),
  };
}
