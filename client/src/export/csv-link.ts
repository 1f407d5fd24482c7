// Links to the server's GET /export/coverage.csv, which takes the coverage query's arguments.
import type { Sector } from "../url-state.ts";

export type CsvFormat = "standard" | "excel-id";

export interface CsvQuery {
  level: "DISTRICT" | "VILLAGE";
  /** The region viewed; null: the nation (all the data). */
  parentCode: string | null;
  sector: Sector | null;
  period: string | null;
  target: number;
  /** "excel-id": semicolons and decimal commas, for a spreadsheet set to Indonesian. */
  format: CsvFormat;
}

export function coverageCsvUrl(q: CsvQuery): string {
  const p = new URLSearchParams({ level: q.level, orderBy: "COVERAGE_RATE", direction: "ASC" });
  if (q.parentCode) p.set("parentCode", q.parentCode);
  if (q.sector) p.set("sector", q.sector);
  if (q.period) p.set("period", q.period);
  p.set("target", String(q.target));
  if (q.format !== "standard") p.set("format", q.format);
  return `/export/coverage.csv?${p.toString()}`;
}
