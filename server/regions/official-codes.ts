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

let index: Promise<Map<string, OfficialRegency>> | null = null;

/** Every regency of the Kemendagri code list (idn-area-data) with its districts and villages, by code; read once per process. */
export function officialRegencies(): Promise<Map<string, OfficialRegency>> {
  index ??= readOfficialList();
  return index;
}

/** The Kemendagri code list for one regency; null when the list has no such regency. */
export async function officialRegency(regencyCode: string): Promise<OfficialRegency | null> {
  return (await officialRegencies()).get(regencyCode) ?? null;
}

async function readOfficialList(): Promise<Map<string, OfficialRegency>> {
  const [provinces, regencies, districts, villages] = await Promise.all([getProvinces(), getRegencies(), getDistricts(), getVillages()]);
  const provinceByCode = new Map(provinces.map((p) => [p.code, { code: p.code, name: titleCase(p.name), parentCode: null }]));
  const list = new Map<string, OfficialRegency>();
  for (const r of regencies) {
    list.set(r.code, {
      province: provinceByCode.get(r.province_code)!,
      regency: { code: r.code, name: titleCase(r.name.replace(/^KABUPATEN /, "")), parentCode: r.province_code },
      districts: [],
      villages: [],
    });
  }
  const regencyOfDistrict = new Map<string, OfficialRegency>();
  for (const d of districts) {
    const regency = list.get(d.regency_code);
    if (!regency) continue;
    regency.districts.push({ code: d.code, name: d.name, parentCode: d.regency_code });
    regencyOfDistrict.set(d.code, regency);
  }
  for (const v of villages)
    regencyOfDistrict.get(v.district_code)?.villages.push({ code: v.code, name: v.name, parentCode: v.district_code });
  return list;
}
