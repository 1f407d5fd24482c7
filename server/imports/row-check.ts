import type { InputProblem } from "../common/errors.ts";
import type { ColumnAliases, CsvRow } from "./csv-rows.ts";
import type { VillageLookup } from "./village-lookup.ts";

/** The columns that name a village: its code, or its name with its district's name. */
export const VILLAGE_COLUMNS: ColumnAliases = {
  village_code: ["kode_desa", "kode"],
  village_name: ["nama_desa", "desa", "village"],
  district_name: ["kecamatan", "nama_kecamatan", "district"],
};

/**
 * Checks one CSV row column by column, collecting every problem (line, column, value, reason)
 * rather than stopping at the first, so a rejected file reports all that is wrong with it.
 */
export class RowCheck {
  readonly problems: InputProblem[] = [];

  constructor(private readonly row: CsvRow) {}

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Records a problem in this row. `value` is shown in the message: mask anything secret first. */
  bad(column: string, value: string, reason: string): void {
    this.problems.push({ line: this.row.line, column, value, reason });
  }

  /** The column read through `parse`; null, with `reason` recorded, when it cannot be read. */
  read<T>(column: string, parse: (value: string) => T | null, reason: string): T | null {
    const value = this.row.get(column);
    const parsed = parse(value);
    if (parsed === null) this.bad(column, value, reason);
    return parsed;
  }

  /** The row's village code (given by code, or by name and district); null with the reason recorded. */
  village(villages: VillageLookup): string | null {
    const found = villages.resolve(this.row.get("village_code"), this.row.get("village_name"), this.row.get("district_name"));
    if ("reason" in found) {
      this.bad(found.column, found.value, found.reason);
      return null;
    }
    return found.code;
  }
}
