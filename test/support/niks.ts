/**
 * One NIK in each form a person may type, each a different number: plain, with dots, spaces or
 * dashes between groups (all accepted by the enrollment importer), and run into a prefix.
 */
export const NIK_FORMS = [
  "3526010199000001",
  "3526.0101.9900.0004",
  "3526 0101 9900 0008",
  "3526-0101-9900-0009",
  "3526  0101.9900-0010",
  "NIK3526010199000006",
];

/** The forms the enrollment importer takes as a NIK in its nik column. */
export const ACCEPTED_NIK_FORMS = NIK_FORMS.filter((f) => !f.startsWith("NIK"));

/**
 * True when `text` shows any of these NIKs' 16 digits, in whatever form: separators (and the
 * backslashes of escaped JSON) are removed before searching.
 */
export function showsNik(text: string, niks: string[] = NIK_FORMS): boolean {
  const flat = text.replace(/[\s.\\-]/g, "");
  return niks.some((nik) => flat.includes(nik.replace(/\D/g, "")));
}
