// How a region is named in titles, and where its figures come from, in the chosen language.
import type { TFunction } from "i18next";
import type { Sector } from "../generated/graphql.ts";
import type { RegionReportData } from "./region-report-query.ts";

type Region = Pick<NonNullable<RegionReportData["region"]>, "name" | "level" | "parent">;

/**
 * "Kabupaten Bangkalan", "Provinsi Jawa Timur", "Kota Batu", "Kecamatan Blega", "Desa Mlajah, Kecamatan
 * Bangkalan"; null: the nation; undefined (not loaded yet): empty.
 */
export function regionTitle(region: Region | null | undefined, t: TFunction): string {
  if (region === undefined) return "";
  if (region === null) return t("nation");
  const own = placeTitle(region.level, region.name, t);
  return region.level === "VILLAGE" && region.parent ? `${own}, ${t("regionTitle.DISTRICT", { name: region.parent.name })}` : own;
}

/**
 * "Kabupaten Bangkalan", "Provinsi Jawa Timur", "Kecamatan Blega" from a level and a name; a name
 * that already says what it is ("Kota Batu", "Kabupaten Malang") is kept as it is.
 */
export function placeTitle(level: string | null, name: string, t: TFunction): string {
  if (!level || /^(kota|kabupaten|kab\.|provinsi)\s/i.test(name)) return name;
  return t(`regionTitle.${level}`, { name });
}

/** "Farmers", or "All sectors" for null: every report, slide and export names the sector it shows. */
export function sectorTitle(sector: Sector | null, t: TFunction): string {
  return sector ? t(`sector.${sector}`) : t("allSectors");
}

/** The data-source lines every view and export carries: boundaries, and whether the numbers are synthetic. */
export function dataSourceLines(info: RegionReportData["datasetInfo"], t: TFunction): string[] {
  const file = info.boundarySource?.split(/[\\/]/).pop();
  return [
    info.synthetic ? t("source.synthetic") : t("source.imported"),
    info.boundariesSynthetic ? t("source.boundariesSynthetic") : t("source.boundaries", { source: file || "–" }),
  ];
}
