// A map sheet for print: title, the map, its legend, scale bar, north arrow, date and data sources.
import { NO_DATA_COLOR } from "../map/classify.ts";
import type { LegendRow } from "../legend/legend-rows.ts";
import { renderMap, type MapRenderInput, type RenderedMap } from "./render-map.ts";
import { scaleBar, type ScaleBar } from "./scale-bar.ts";

export interface SheetText {
  title?: string;
  subtitle?: string;
  /** Lines under the map: date, data sources. */
  footer?: string[];
  /** The legend's heading, a line each (metric, sector). */
  legendTitle: string[];
  noData: string;
  districtBoundary: string;
  /** The letter on the north arrow (U in Bahasa Indonesia). */
  north: string;
  scaleLabel(meters: number): string;
}

export interface SheetInput {
  map: MapRenderInput;
  legend: readonly LegendRow[];
  text: SheetText;
  /** Sheet size in device pixels, and device pixels per CSS pixel. */
  width: number;
  height: number;
  pixelRatio: number;
}

const MARGIN = 24;
const FONT = 'system-ui, "DejaVu Sans", Arial, sans-serif';

/** Render the map off screen and draw the sheet around it, the legend in a column to its right. */
export async function mapSheet(input: SheetInput): Promise<HTMLCanvasElement> {
  const { text, pixelRatio: s } = input;
  const w = input.width / s,
    h = input.height / s;
  const top = MARGIN + (text.title ? 40 : 0) + (text.subtitle ? 24 : 0);
  const bottom = MARGIN + (text.footer?.length ?? 0) * 16;
  const canvas = document.createElement("canvas");
  canvas.width = input.width;
  canvas.height = input.height;
  const ctx = canvas.getContext("2d")!;
  ctx.scale(s, s);
  const legendWidth = measureLegend(ctx, input.legend, text);
  const frame = { x: MARGIN, y: top, w: Math.floor(w - 3 * MARGIN - legendWidth), h: Math.floor(h - top - bottom) };
  const map = await renderMap(input.map, frame.w, frame.h, s);

  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = "#000";
  if (text.title) {
    ctx.font = `700 24px ${FONT}`;
    ctx.fillText(text.title, MARGIN, MARGIN + 22, w - 2 * MARGIN);
  }
  if (text.subtitle) {
    ctx.font = `15px ${FONT}`;
    ctx.fillText(text.subtitle, MARGIN, top - 10, w - 2 * MARGIN);
  }
  ctx.drawImage(map.image, frame.x, frame.y, map.width, map.height);
  ctx.save();
  ctx.translate(frame.x, frame.y);
  drawCentred(
    ctx,
    map.labels.map((l) => ({ ...l, text: l.text.toUpperCase() })),
    { size: 10, color: "#263238", halo: true },
  );
  drawCentred(ctx, map.sites, { size: 11, color: "#fff", halo: false });
  drawCentred(ctx, map.marks, { size: 12, color: "#000", halo: true });
  drawNorthArrow(ctx, map.width - 30, 14, text.north);
  drawScaleBar(ctx, scaleBar(map.metersPerPixel, Math.min(160, map.width / 4)), text, map.width, map.height);
  ctx.restore();
  ctx.strokeStyle = "#000";
  ctx.lineWidth = 1;
  ctx.strokeRect(frame.x, frame.y, map.width, map.height);
  drawLegend(ctx, input.legend, text, frame.x + map.width + MARGIN, frame.y);
  ctx.font = `11px ${FONT}`;
  ctx.fillStyle = "#000";
  (text.footer ?? []).forEach((line, i) => ctx.fillText(line, MARGIN, h - bottom + 14 + i * 16, w - 2 * MARGIN));
  return canvas;
}

function haloText(ctx: CanvasRenderingContext2D, s: string, x: number, y: number): void {
  ctx.strokeStyle = "#fff";
  ctx.lineWidth = 3;
  ctx.lineJoin = "round";
  ctx.strokeText(s, x, y);
  ctx.fillText(s, x, y);
}

/** Text centred on points of the map: district names and marks on a white halo, the plan's site numbers white on their blue circles (drawn by the map). */
function drawCentred(
  ctx: CanvasRenderingContext2D,
  items: RenderedMap["marks"],
  style: { size: number; color: string; halo: boolean },
): void {
  ctx.font = `700 ${style.size}px ${FONT}`;
  ctx.fillStyle = style.color;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  for (const i of items) {
    if (style.halo) haloText(ctx, i.text, i.x, i.y);
    else ctx.fillText(i.text, i.x, i.y);
  }
  ctx.textAlign = "left";
  ctx.textBaseline = "alphabetic";
}

const LEGEND = { line: 18, swatch: 22, gap: 8 };

function legendLabels(rows: readonly LegendRow[], text: SheetText): string[] {
  return [...rows.map((r) => r.label), text.noData, text.districtBoundary];
}

/** The legend column's width: its longest line. */
function measureLegend(ctx: CanvasRenderingContext2D, rows: readonly LegendRow[], text: SheetText): number {
  ctx.font = `700 13px ${FONT}`;
  const titles = text.legendTitle.map((l) => ctx.measureText(l).width);
  ctx.font = `12px ${FONT}`;
  const labels = legendLabels(rows, text).map((l) => ctx.measureText(l).width + LEGEND.swatch + LEGEND.gap);
  return Math.ceil(Math.max(...titles, ...labels));
}

function drawLegend(ctx: CanvasRenderingContext2D, rows: readonly LegendRow[], text: SheetText, x: number, y: number): void {
  ctx.fillStyle = "#000";
  ctx.font = `700 13px ${FONT}`;
  text.legendTitle.forEach((l, i) => ctx.fillText(l, x, y + 12 + i * LEGEND.line));
  ctx.font = `12px ${FONT}`;
  const first = y + text.legendTitle.length * LEGEND.line + 6;
  const fills: (string | null)[] = [...rows.map((r) => r.color), NO_DATA_COLOR, null];
  legendLabels(rows, text).forEach((label, i) => {
    const sy = first + i * LEGEND.line;
    const fill = fills[i];
    if (fill) {
      ctx.fillStyle = fill;
      ctx.fillRect(x, sy, LEGEND.swatch, 12);
      ctx.strokeStyle = "#616161";
      ctx.lineWidth = 1;
      ctx.strokeRect(x, sy, LEGEND.swatch, 12);
    } else {
      ctx.strokeStyle = "#263238";
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x, sy + 6);
      ctx.lineTo(x + LEGEND.swatch, sy + 6);
      ctx.stroke();
    }
    ctx.fillStyle = "#000";
    ctx.fillText(label, x + LEGEND.swatch + LEGEND.gap, sy + 11);
  });
}

function drawNorthArrow(ctx: CanvasRenderingContext2D, x: number, y: number, letter: string): void {
  ctx.fillStyle = "rgba(255,255,255,0.9)";
  ctx.fillRect(x - 14, y - 4, 28, 52);
  ctx.fillStyle = "#000";
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + 9, y + 26);
  ctx.lineTo(x, y + 20);
  ctx.lineTo(x - 9, y + 26);
  ctx.closePath();
  ctx.fill();
  ctx.font = `700 14px ${FONT}`;
  ctx.textAlign = "center";
  ctx.fillText(letter, x, y + 44);
  ctx.textAlign = "left";
}

function drawScaleBar(ctx: CanvasRenderingContext2D, bar: ScaleBar, text: SheetText, mapWidth: number, mapHeight: number): void {
  const x = mapWidth - bar.pixels - 20,
    y = mapHeight - 22;
  ctx.fillStyle = "rgba(255,255,255,0.9)";
  ctx.fillRect(x - 8, y - 20, bar.pixels + 16, 32);
  ctx.fillStyle = "#000";
  ctx.fillRect(x, y, bar.pixels / 2, 5);
  ctx.strokeStyle = "#000";
  ctx.lineWidth = 1;
  ctx.strokeRect(x, y, bar.pixels, 5);
  ctx.font = `11px ${FONT}`;
  ctx.textAlign = "center";
  ctx.fillText("0", x, y - 5);
  ctx.fillText(text.scaleLabel(bar.meters), x + bar.pixels, y - 5);
  ctx.textAlign = "left";
}
