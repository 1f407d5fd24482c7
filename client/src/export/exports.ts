// The two exports: the current map as a print-resolution PNG, and a region's one-page PDF report.
import type { ApolloClient } from "@apollo/client";
import type { TFunction } from "i18next";
import type { LngLatBoundsLike } from "maplibre-gl";
import { NO_VILLAGES, type DatasetInfo } from "../app-queries.ts";
import { formatDate, formatDistance, formatPercent, formatPeriod } from "../format.ts";
import { legendRows } from "../legend/legend-rows.ts";
import { bboxOf } from "../map/geo.ts";
import { REGION_REPORT, reportVariables } from "../report/region-report-query.ts";
import { OUTCOMES_AND_COST } from "../report/outcomes-query.ts";
import { dataSourceLines, placeTitle, sectorTitle } from "../report/region-title.ts";
import { reportScope } from "../report/report-scope.ts";
import { isInRegionOrNation, levelOfCode } from "../../../domain/region-code.ts";
import { viewedRegion } from "../region/region-path.ts";
import type { Lang, ViewState } from "../url-state.ts";
import { canvasBlob, download } from "./download.ts";
import { mapSheet, type SheetText } from "./map-sheet.ts";
import { pdfReport } from "./pdf-report.ts";
import { withDpi } from "./png-dpi.ts";
import type { MapRenderInput } from "./render-map.ts";

/** A4 landscape at 300 dpi. */
export const PRINT_PNG = { width: 3508, height: 2480, pixelRatio: 3, dpi: 300 };
/** The map figure of the PDF report: 182 mm wide at about 300 dpi. */
const PDF_MAP = { width: 2160, height: 1560, pixelRatio: 2.4 };

export interface ExportContext {
  state: ViewState;
  period: string;
  dataset: DatasetInfo;
  t: TFunction;
  /** The map as the user set it up: data, colours and (for the PNG) the visible bounds. */
  map: Omit<MapRenderInput, "bounds" | "villageTiles" | "region">;
  visibleBounds: LngLatBoundsLike | null;
  /** The village tiles, for a region whose village boundaries the client does not hold (above a regency: see villageGeometryScope). */
  villageTiles: string;
}

/**
 * The villages of `region` (null: the nation) for a map sheet: from their boundaries where the
 * client holds them, else from the tiles; and the region's extent, from its villages or its districts.
 */
function villagesOf(
  ctx: ExportContext,
  region: string | null,
): Pick<MapRenderInput, "villages" | "villageTiles" | "region"> & { extent: LngLatBoundsLike | null } {
  const held = ctx.map.villages.features.filter((f) => isInRegionOrNation(f.properties.code, region));
  if (held.length > 0) return { villages: { ...ctx.map.villages, features: held }, villageTiles: null, region, extent: bboxOf(held) };
  const districts = ctx.map.districts.features.filter((f) => isInRegionOrNation(f.properties.code, region));
  return { villages: NO_VILLAGES, villageTiles: ctx.villageTiles, region, extent: bboxOf(districts) };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function sheetText(ctx: ExportContext): SheetText {
  const { t, state } = ctx;
  const lang: Lang = state.lang;
  return {
    legendTitle: [t(`metric.${state.metric}`), sectorTitle(state.sector, t)],
    noData: t("noData"),
    districtBoundary: t("districtBoundary"),
    north: t("export.north"),
    scaleLabel: (m) => formatDistance(m, lang),
  };
}

/** The place the map shows, for its title: the region chosen (a village's district, as on screen), else the root region. */
function viewedPlace({ state, dataset, map, t }: ExportContext): string {
  const code = state.region ? viewedRegion(state.region) : null;
  const named = code
    ? [...dataset.provinces, ...dataset.regencies, ...map.districts.features.map((f) => f.properties)].find((r) => r.code === code)
    : undefined;
  if (code && named) return placeTitle(levelOfCode(code), named.name, t);
  return dataset.root ? placeTitle(dataset.root.level, dataset.root.name, t) : t("nation");
}

export async function exportMapPng(ctx: ExportContext): Promise<void> {
  const { t, state, dataset, period } = ctx;
  const lang = state.lang;
  const { extent, ...villages } = villagesOf(ctx, state.region ? viewedRegion(state.region) : (dataset.root?.code ?? null));
  const bounds = ctx.visibleBounds ?? extent;
  if (!bounds) throw new Error("no boundaries");
  const place = viewedPlace(ctx);
  const canvas = await mapSheet({
    ...PRINT_PNG,
    map: { ...ctx.map, ...villages, bounds },
    legend: legendRows(ctx.map.classification, state.metric, lang, t("suppressedClass", { n: dataset.minCellSize })),
    text: {
      ...sheetText(ctx),
      title: `${t(`metric.${state.metric}`)} · ${place}`,
      subtitle:
        `${sectorTitle(state.sector, t)} · ${formatPeriod(period, lang)}` +
        (state.metric === "GAP_TO_TARGET" ? ` · ${t("target")} ${formatPercent(state.target, lang)}` : ""),
      footer: [t("report.generated", { date: formatDate(today(), lang) }), ...dataSourceLines(dataset, t)],
    },
  });
  const png = withDpi(new Uint8Array(await (await canvasBlob(canvas, "image/png")).arrayBuffer()), PRINT_PNG.dpi);
  download(
    new Blob([png], { type: "image/png" }),
    `cakupan-${state.region ?? dataset.root?.code ?? "id"}-${period}-${state.metric.toLowerCase()}.png`,
  );
}

export async function exportPdfReport(ctx: ExportContext, client: ApolloClient, regionCode: string): Promise<void> {
  const { t, state } = ctx;
  const scope = reportScope(regionCode);
  const { data } = await client.query({ query: REGION_REPORT, variables: reportVariables(regionCode, state.sector, state.target) });
  if (!data) throw new Error(regionCode);
  const { data: outcomes } = await client.query({ query: OUTCOMES_AND_COST, variables: { code: scope.scope } });
  if (!outcomes) throw new Error(regionCode);
  const { extent: bounds, ...villages } = villagesOf(ctx, scope.scope);
  if (!bounds) throw new Error(`no boundaries for ${regionCode || "the nation"}`);
  // The table's row numbers written on their villages, so each row can be found on the map.
  const marks = data.lowest.edges.flatMap(({ node }, i) =>
    node.centroid ? [{ text: String(i + 1), at: [node.centroid.lon, node.centroid.lat] as [number, number] }] : [],
  );
  const map = await mapSheet({
    ...PDF_MAP,
    // The region's villages only: its neighbours stay blank, their district lines and names give the setting.
    map: { ...ctx.map, ...villages, plan: null, bounds, padding: 40, marks },
    legend: legendRows(ctx.map.classification, state.metric, state.lang, t("suppressedClass", { n: ctx.dataset.minCellSize })),
    text: sheetText(ctx),
  });
  const blob = await pdfReport({
    report: data,
    outcomes,
    map,
    sector: state.sector,
    target: state.target,
    lang: state.lang,
    t,
    today: today(),
  });
  download(blob, `laporan-cakupan-${regionCode}-${(state.sector ?? "all").toLowerCase()}-${data.coverageSummary.period}.pdf`);
}
