// One reading of PostgreSQL values for both adapters (embedded.ts, server.ts), so services see the
// same JavaScript values on PGlite and on node-postgres, whatever each driver does by default.

/** PostgreSQL type OIDs the app reads. */
const INT8 = 20;
const JSON_OID = 114;
const JSONB = 3802;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/** A timestamp's text (`2025-10-01 07:00:00.123+07`) as ISO 8601 in UTC (`2025-10-01T00:00:00.123Z`). */
function isoTimestamp(text: string, zoned: boolean): string {
  const iso = text.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00");
  return new Date(zoned ? iso : `${iso}Z`).toISOString();
}

/**
 * Parsers by type OID, from PostgreSQL's text format: bigint as a number (counts and ids stay far
 * below 2^53), json as values, dates as YYYY-MM-DD text, timestamps as ISO 8601 text in UTC.
 */
export const VALUE_PARSERS: Record<number, (text: string) => unknown> = {
  [INT8]: Number,
  [JSON_OID]: JSON.parse,
  [JSONB]: JSON.parse,
  [DATE]: (text) => text,
  [TIMESTAMP]: (text) => isoTimestamp(text, false),
  [TIMESTAMPTZ]: (text) => isoTimestamp(text, true),
};
