// The headline figures of a report or presentation for the sector shown: all sectors together or one.
import type { Sector } from "../generated/graphql.ts";
import type { RegionReportData } from "./region-report-query.ts";

export interface Headline {
  /** null = all sectors */
  sector: Sector | null;
  period: string;
  workforce: number;
  /** null: suppressed (fewer than the minimum cell size; see datasetInfo.minCellSize). */
  enrolled: number | null;
  coverageRate: number | null;
  uncovered: number | null;
  enrolledChange12m: number | null;
  coverageRateChange12m: number | null;
}

/**
 * All sectors: the region's summary. One sector: its row of the summary, and the change over 12
 * months from the sector's monthly series (null when there is no month 12 months back).
 */
export function headlineFor(report: Pick<RegionReportData, "coverageSummary" | "series">, sector: Sector | null): Headline {
  const s = report.coverageSummary;
  if (sector == null) {
    const { period, workforce, enrolled, coverageRate, uncovered, enrolledChange12m, coverageRateChange12m } = s;
    return { sector, period, workforce, enrolled, coverageRate, uncovered, enrolledChange12m, coverageRateChange12m };
  }
  const row = s.bySector.find((f) => f.sector === sector);
  const last = report.series.at(-1);
  const yearAgo = report.series.length >= 13 ? report.series.at(-13) : undefined;
  return {
    sector,
    period: s.period,
    workforce: row?.workforce ?? 0,
    enrolled: row ? row.enrolled : 0,
    coverageRate: row?.coverageRate ?? null,
    uncovered: row ? row.uncovered : 0,
    enrolledChange12m: last?.enrolled != null && yearAgo?.enrolled != null ? last.enrolled - yearAgo.enrolled : null,
    coverageRateChange12m: last?.coverageRate != null && yearAgo?.coverageRate != null ? last.coverageRate - yearAgo.coverageRate : null,
  };
}
