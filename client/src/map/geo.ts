// Small geometry helpers: bounding boxes and label points for polygons.
type Poly = GeoJSON.Polygon | GeoJSON.MultiPolygon;
export type BBox = [number, number, number, number];

function rings(g: Poly): GeoJSON.Position[][][] {
  return g.type === "Polygon" ? [g.coordinates] : g.coordinates;
}

export function bboxOf(features: readonly GeoJSON.Feature<Poly | null>[]): BBox | null {
  let b: BBox | null = null;
  for (const f of features) {
    if (!f.geometry) continue;
    for (const poly of rings(f.geometry)) {
      for (const [x, y] of poly[0] ?? []) {
        if (x == null || y == null) continue;
        b = b ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] : [x, y, x, y];
      }
    }
  }
  return b;
}

function ringCentroid(ring: GeoJSON.Position[]): { x: number; y: number; area: number } {
  let a = 0,
    cx = 0,
    cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j]!;
    const [x1 = 0, y1 = 0] = ring[i]!;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return a === 0 ? { x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0, area: 0 } : { x: cx / (3 * a), y: cy / (3 * a), area: Math.abs(a / 2) };
}

/** Centroid of the largest outer ring: a good enough place for a district label. */
export function labelPoint(geometry: Poly): [number, number] {
  let best = { x: 0, y: 0, area: -1 };
  for (const poly of rings(geometry)) {
    const c = ringCentroid(poly[0] ?? []);
    if (c.area > best.area) best = c;
  }
  return [best.x, best.y];
}
