// Layout checks for the browser tests: text that overflows its box, is clipped, or leaves the viewport.
import type { Page } from "playwright-core";

export interface TextProblem {
  text: string;
  problem: string;
}

/**
 * Every visible element with text of its own under `root`: it must lie inside the viewport, its
 * content must fit its box (scrollWidth/scrollHeight against clientWidth/clientHeight, for
 * non-inline boxes), and no ancestor that clips (overflow other than visible, or an <svg>) may cut it.
 */
export function textProblems(page: Page, root = "body"): Promise<TextProblem[]> {
  return page.evaluate((root) => {
    const problems: { text: string; problem: string }[] = [];
    const vw = window.innerWidth,
      vh = window.innerHeight;
    const out = (r: DOMRect, b: { left: number; top: number; right: number; bottom: number }) =>
      r.left < b.left - 1 || r.top < b.top - 1 || r.right > b.right + 1 || r.bottom > b.bottom + 1;
    for (const el of document.querySelectorAll(`${root}, ${root} *`)) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== "");
      if (!own || el.closest("title, script, style, .sr-only")) continue;
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const text = el.textContent!.trim().slice(0, 60);
      const where = `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;
      if (out(r, { left: 0, top: 0, right: vw, bottom: vh }))
        problems.push({ text, problem: `outside the ${vw}x${vh} viewport at ${where}` });
      if (el instanceof HTMLElement && style.display !== "inline") {
        if (el.scrollWidth > el.clientWidth + 1)
          problems.push({ text, problem: `overflows its width: ${el.scrollWidth} > ${el.clientWidth}` });
        if (el.scrollHeight > el.clientHeight + 1)
          problems.push({ text, problem: `overflows its height: ${el.scrollHeight} > ${el.clientHeight}` });
      }
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (!(a instanceof SVGSVGElement) && s.overflowX === "visible" && s.overflowY === "visible") continue;
        if (out(r, a.getBoundingClientRect()))
          problems.push({ text, problem: `clipped by <${a.tagName.toLowerCase()} class="${a.getAttribute("class") ?? ""}"> at ${where}` });
      }
    }
    return problems;
  }, root);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature) || png.toString("latin1", 12, 16) !== "IHDR") throw new Error("not a PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * A PNG decoded in the page (without fetch(data:): the app's Content-Security-Policy allows
 * connections to itself only), scaled to `width` × `height`: every `stride`-th pixel's RGB.
 */
export function pngPixels(page: Page, png: Buffer, width: number, height: number, stride: number): Promise<[number, number, number][]> {
  return page.evaluate(
    async ({ b64, width, height, stride }) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const c = document.createElement("canvas");
      c.width = width;
      c.height = height;
      const ctx = c.getContext("2d")!;
      ctx.drawImage(bitmap, 0, 0, width, height);
      const d = ctx.getImageData(0, 0, width, height).data;
      const out: [number, number, number][] = [];
      for (let i = 0; i < d.length; i += 4 * stride) out.push([d[i]!, d[i + 1]!, d[i + 2]!]);
      return out;
    },
    { b64: png.toString("base64"), width, height, stride },
  );
}
