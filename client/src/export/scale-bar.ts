// A scale bar of a round length (1, 2, 2.5 or 5 times a power of ten metres) no longer than a width.

export interface ScaleBar {
  meters: number;
  pixels: number;
}

export function scaleBar(metersPerPixel: number, maxPixels: number): ScaleBar {
  const raw = metersPerPixel * maxPixels;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const meters = (f >= 5 ? 5 : f >= 2.5 ? 2.5 : f >= 2 ? 2 : 1) * power;
  return { meters, pixels: meters / metersPerPixel };
}
