import { stringify } from "csv-stringify/sync";

/** What a spreadsheet reads as the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number ("-7.04", "-7,04" with a decimal comma, "+3", "1e-3"): a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+[.,]?\d*|[.,]\d+)(e[+-]?\d+)?$/i;

/** A text cell as it is written: prefixed with `'` when a spreadsheet would run it as a formula. */
export const safeCell = (text: string): string => (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text);

/**
 * Every CSV the app writes (coverage and plan exports): a header row, then the rows, with every
 * text cell made safe for spreadsheets (`safeCell`); numbers, negative ones too, stay numbers.
 */
export const toCsv = <C extends string>(rows: Partial<Record<C, unknown>>[], columns: readonly C[], delimiter = ","): string =>
  stringify(rows, { header: true, columns: [...columns], delimiter, cast: { string: safeCell, boolean: (b) => String(b) } });
