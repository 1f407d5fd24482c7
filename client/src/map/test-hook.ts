// window.__cakupan lets the browser tests wait for, and read, the painted choropleth.
import type { Map as MapLibreMap } from "maplibre-gl";

export interface CakupanTestHook {
  map: MapLibreMap;
  ready: boolean;
  firstPaintMs: number | null;
  paints: number;
}

declare global {
  interface Window {
    __cakupan?: CakupanTestHook;
  }
}

export function markPending(map: MapLibreMap): void {
  const prev = window.__cakupan;
  window.__cakupan = { map, ready: false, firstPaintMs: prev?.firstPaintMs ?? null, paints: prev?.paints ?? 0 };
}

export function markPainted(map: MapLibreMap): void {
  const prev = window.__cakupan;
  window.__cakupan = {
    map,
    ready: true,
    // performance.now() counts from the start of the navigation.
    firstPaintMs: prev?.firstPaintMs ?? Math.round(performance.now()),
    paints: (prev?.paints ?? 0) + 1,
  };
}
