import type { Sql } from "../db/sql.ts";
import { simplifyName } from "../common/text.ts";
import { VILLAGES_WITH_DISTRICT } from "./imports.sql.ts";
import { append } from "../common/collections.ts";

/** Resolves a village given by code, or by name plus district name (ignoring case, spacing and punctuation). */
export class VillageLookup {
  private constructor(
    private readonly codes: Set<string>,
    private readonly byName: Map<string, string[]>,
  ) {}

  static async load(sql: Sql): Promise<VillageLookup> {
    const rows = await sql.query<{ code: string; name: string; district: string }>(VILLAGES_WITH_DISTRICT);
    const byName = new Map<string, string[]>();
    for (const r of rows) {
      const key = `${simplifyName(r.district)}|${simplifyName(r.name)}`;
      append(byName, key, r.code);
    }
    return new VillageLookup(new Set(rows.map((r) => r.code)), byName);
  }

  /** The village code, or the reason it cannot be found. */
  resolve(code: string, name: string, district: string): { code: string } | { reason: string; column: string; value: string } {
    if (code)
      return this.codes.has(code)
        ? { code }
        : { column: "village_code", value: code, reason: "is not a village in the database (import boundaries first)" };
    if (!name || !district) return { column: "village_code", value: "", reason: "give village_code, or nama_desa with kecamatan" };
    const found = this.byName.get(`${simplifyName(district)}|${simplifyName(name)}`) ?? [];
    if (found.length === 1) return { code: found[0] };
    return {
      column: "nama_desa",
      value: `${name} / ${district}`,
      reason: found.length === 0 ? "no village with this name in this district" : `matches ${found.length} villages: use village_code`,
    };
  }
}
