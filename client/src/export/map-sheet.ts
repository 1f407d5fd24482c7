// A map sheet for print: title, the map, its legend, scale bar, north arrow, date and data sources.
import { NO_DATA_COLOR } from '../map/classify.ts';
import type { LegendRow } from '../legend/legend-rows.ts';
import { renderMap, type MapRenderInput, type RenderedMap } from './render-map.ts';
import { scaleBar, type ScaleBar } from './scale-bar.ts';

export interface SheetText {
  title?: string;
  subtitle?: string;
  /** Lines under the map: date, data sources. */
  footer?: string[];
  legendTitle: string;
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

/** Render the map off screen and draw the sheet around it. */
export async function mapSheet(input: SheetInput): Promise<HTMLCanvasElement> {
  const { text, pixelRatio: s } = input;
  const w = input.width / s, h = input.height / s;
  const top = MARGIN + (text.title ? 40 : 0) + (text.subtitle ? 24 : 0);
  const bottom = MARGIN + (text.footer?.length ?? 0) * 16;
  const frame = { x: MARGIN, y: top, w: Math.floor(w - 2 * MARGIN), h: Math.floor(h - top - bottom) };
  const map = await renderMap(input.map, frame.w, frame.h, s);

  const canvas = document.createElement('canvas');
  canvas.width = input.width;
  canvas.height = input.height;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(s, s);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'alphabetic';
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
  drawLabels(ctx, map);
  drawLegend(ctx, input.legend, text, map.height);
  drawNorthArrow(ctx, map.width - 30, 14, text.north);
  drawScaleBar(ctx, scaleBar(map.metersPerPixel, Math.min(160, map.width / 4)), text, map.width, map.height);
  ctx.restore();
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1;
  ctx.strokeRect(frame.x, frame.y, map.width, map.height);
  ctx.font = `11px ${FONT}`;
  ctx.fillStyle = '#000';
  (text.footer ?? []).forEach((line, i) => ctx.fillText(line, MARGIN, h - bottom + 14 + i * 16, w - 2 * MARGIN));
  return canvas;
}

function haloText(ctx: CanvasRenderingContext2D, s: string, x: number, y: number): void {
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.strokeText(s, x, y);
  ctx.fillText(s, x, y);
}

function drawLabels(ctx: CanvasRenderingContext2D, map: RenderedMap): void {
  ctx.font = `700 10px ${FONT}`;
  ctx.fillStyle = '#263238';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const l of map.labels) haloText(ctx, l.text.toUpperCase(), l.x, l.y);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
}

function drawLegend(ctx: CanvasRenderingContext2D, rows: readonly LegendRow[], text: SheetText, mapHeight: number): void {
  const line = 17, pad = 8;
  const entries = rows.length + 2;
  ctx.font = `12px ${FONT}`;
  const labels = [...rows.map((r) => r.label), text.noData, text.districtBoundary];
  ctx.font = `700 12px ${FONT}`;
  const titleWidth = ctx.measureText(text.legendTitle).width;
  ctx.font = `12px ${FONT}`;
  const width = Math.max(titleWidth, ...labels.map((l) => ctx.measureText(l).width + 30)) + 2 * pad;
  const height = pad * 2 + line * (entries + 1);
  const x = 10, y = mapHeight - height - 10;
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.fillRect(x, y, width, height);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1;
  ctx.strokeRect(x, y, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `700 12px ${FONT}`;
  ctx.fillText(text.legendTitle, x + pad, y + pad + 12);
  ctx.font = `12px ${FONT}`;
  const swatch = (i: number, fill: string | null, label: string) => {
    const sy = y + pad + line * (i + 1) + 3;
    if (fill) {
      ctx.fillStyle = fill;
      ctx.fillRect(x + pad, sy, 22, 12);
      ctx.strokeStyle = '#616161';
      ctx.strokeRect(x + pad, sy, 22, 12);
    } else {
      ctx.strokeStyle = '#263238';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x + pad, sy + 6);
      ctx.lineTo(x + pad + 22, sy + 6);
      ctx.stroke();
      ctx.lineWidth = 1;
    }
    ctx.fillStyle = '#000';
    ctx.fillText(label, x + pad + 30, sy + 11);
  };
  rows.forEach((r, i) => swatch(i, r.color, r.label));
  swatch(rows.length, NO_DATA_COLOR, text.noData);
  swatch(rows.length + 1, null, text.districtBoundary);
}

function drawNorthArrow(ctx: CanvasRenderingContext2D, x: number, y: number, letter: string): void {
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(x - 14, y - 4, 28, 52);
  ctx.fillStyle = '#000';
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + 9, y + 26);
  ctx.lineTo(x, y + 20);
  ctx.lineTo(x - 9, y + 26);
  ctx.closePath();
  ctx.fill();
  ctx.font = `700 14px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText(letter, x, y + 44);
  ctx.textAlign = 'left';
}

function drawScaleBar(ctx: CanvasRenderingContext2D, bar: ScaleBar, text: SheetText, mapWidth: number, mapHeight: number): void {
  const x = mapWidth - bar.pixels - 20, y = mapHeight - 22;
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(x - 8, y - 20, bar.pixels + 16, 32);
  ctx.fillStyle = '#000';
  ctx.fillRect(x, y, bar.pixels / 2, 5);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1;
  ctx.strokeRect(x, y, bar.pixels, 5);
  ctx.font = `11px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText('0', x, y - 5);
  ctx.fillText(text.scaleLabel(bar.meters), x + bar.pixels, y - 5);
  ctx.textAlign = 'left';
}
