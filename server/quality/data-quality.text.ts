import type { DataQuality, VillageRef } from "./data-quality.ts";

const list = (villages: VillageRef[], max: number) =>
  villages
    .slice(0, max)
    .map((v) => `${v.code} ${v.name}`)
    .join(", ") + (villages.length > max ? `, ... and ${villages.length - max} more` : "");

/** The report as a few lines of text, for the end of each CLI import. */
export function formatDataQuality(report: DataQuality, max = 10): string {
  const lines = [
    `Data quality for ${report.regionCode}: ${report.officialVillages} villages in the official list, ${report.villagesWithBoundary} with a boundary, ${report.villagesWithWorkforce} with workforce data.`,
  ];
  const section = (label: string, villages: VillageRef[]) =>
    lines.push(villages.length === 0 ? `  ${label}: none` : `  ${label}: ${villages.length} (${list(villages, max)})`);
  section("official villages with no boundary", report.missingBoundaries);
  section("boundaries not in the official list (renamed or split?)", report.unlistedBoundaries);
  section("villages with no workforce data", report.missingWorkforce);
  return lines.join("\n");
}
