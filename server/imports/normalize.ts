import { parseDate, simplifyName } from "../common/text.ts";
/** Value parsers shared by the CSV importers: each returns the clean value or null when it cannot be read. */

const SECTORS: Record<string, string> = {
  petani: "FARMER",
  farmer: "FARMER",
  farmers: "FARMER",
  pertanian: "FARMER",
  peternak: "LIVESTOCK",
  livestock: "LIVESTOCK",
  "livestock keeper": "LIVESTOCK",
  peternakan: "LIVESTOCK",
  nelayan: "FISHER",
  fisher: "FISHER",
  fishers: "FISHER",
  fisherman: "FISHER",
  perikanan: "FISHER",
};

/** Lower-case, no punctuation, single spaces: how names are matched. */
export const parseSector = (v: string): string | null => SECTORS[simplifyName(v)] ?? null;

/** A period as YYYY-MM; a bare year means its January. */
export function parsePeriod(v: string): string | null {
  const s = v.trim();
  if (/^\d{4}$/.test(s)) return `${s}-01`;
  const m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2].padStart(2, "0")}`;
  return null;
}

export function parseCount(v: string): number | null {
  const s = v.trim().replace(/[.\s](?=\d{3}\b)/g, "");
  return /^\d+$/.test(s) && Number(s) <= 10_000_000 ? Number(s) : null;
}

/** "JKK,JKM", "JKK + JKM", "jkk;jkm" to the set of programs. */
export function parsePrograms(v: string): { jkk: boolean; jkm: boolean } | null {
  const parts = v
    .toUpperCase()
    .split(/[\s,;+/&]+/)
    .filter(Boolean);
  if (parts.length === 0 || parts.some((p) => p !== "JKK" && p !== "JKM")) return null;
  return { jkk: parts.includes("JKK"), jkm: parts.includes("JKM") };
}

const STATUS: Record<string, "ACTIVE" | "ENDED"> = {
  active: "ACTIVE",
  aktif: "ACTIVE",
  ended: "ENDED",
  inactive: "ENDED",
  "non aktif": "ENDED",
  nonaktif: "ENDED",
  "tidak aktif": "ENDED",
  berakhir: "ENDED",
};
export const parseStatus = (v: string) => STATUS[simplifyName(v)] ?? null;

/** Who pays the premiums (prisma's FundingSource). */
export type FundingSource = "DBHCHT" | "APBD" | "DANA_DESA" | "SELF" | "OTHER";

const FUNDING: Record<string, FundingSource> = {
  dbhcht: "DBHCHT",
  apbd: "APBD",
  "dana desa": "DANA_DESA", // village funds; simplifyName reads "DANA_DESA" and "Dana-Desa" as this too
  dd: "DANA_DESA",
  self: "SELF",
  "self paid": "SELF",
  mandiri: "SELF",
  other: "OTHER",
  lainnya: "OTHER",
  "lain lain": "OTHER",
};
export const parseFunding = (v: string) => FUNDING[simplifyName(v)] ?? null;
