import { describe, expect, it } from "vitest";
import { colorDistance, graphql, hexToRgb, newPage, screenshot, waitForPaint, useBrowserApp } from "./app.ts";

interface Node {
  code: string;
  name: string;
  parentName: string | null;
  workforce: number;
  enrolled: number | null;
  coverageRate: number | null;
  uncovered: number | null;
  uncoveredPerKm2: number | null;
  gapToTarget: number | null;
  suppressed: boolean;
}
const NODES = `query($s: Sector) { coverage(level: VILLAGE, sector: $s, target: 0.5, first: 500) {
  totalCount edges { node { code name parentName workforce enrolled coverageRate uncovered uncoveredPerKm2 gapToTarget suppressed } } } }`;
const nodes = async (url: string, sector: string | null) =>
  (await graphql<{ coverage: { totalCount: number; edges: { node: Node }[] } }>(url, NODES, { s: sector })).coverage;

describe("split view, table view and keyboard", { timeout: 120_000 }, () => {
  const app = useBrowserApp();

  it("shows two sectors side by side with one set of classes and linked panning", async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/?sector=ALL&split=sector&vs=FISHER&lang=en`);
    await waitForPaint(page);
    await expect.poll(() => page.locator(".map canvas").count()).toBe(2);
    await expect.poll(() => page.locator(".map-caption").allTextContents()).toEqual(["All sectors", "Fishers"]);
    // One set of classes: every village drawn on either map has the legend class of its value, so
    // sorted by value (all sectors on the left, fishers on the right) the classes never step back.
    const legend = await page.locator(".legend .legend-class").evaluateAll((els) => els.map((e) => e.getAttribute("data-color")!));
    expect(legend.length).toBeGreaterThanOrEqual(3);
    const [all, fishers] = await Promise.all([nodes(app.server.url, null), nodes(app.server.url, "FISHER")]);
    const rate = [
      new Map(all.edges.map((e) => [e.node.code, e.node.coverageRate])),
      new Map(fishers.edges.map((e) => [e.node.code, e.node.coverageRate])),
    ];
    const drawn = await page.evaluate(() => {
      const map = window.__cakupan!.map;
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>(".map canvas.maplibregl-canvas")];
      const read = canvases.map((canvas) => {
        const copy = document.createElement("canvas");
        copy.width = canvas.width;
        copy.height = canvas.height;
        const ctx = copy.getContext("2d")!;
        ctx.drawImage(canvas, 0, 0);
        return { ctx, ratio: canvas.width / canvas.clientWidth, w: canvas.clientWidth, h: canvas.clientHeight };
      });
      const out: { code: string; pixels: [number, number, number][] }[] = [];
      for (let i = 1; i < 24; i++)
        for (let j = 1; j < 24; j++) {
          const x = (read[0]!.w * i) / 24,
            y = (read[0]!.h * j) / 24;
          const f = map.queryRenderedFeatures([x, y], { layers: ["village-fill"] })[0];
          if (!f) continue;
          const pixels = read.map((r) => {
            const d = r.ctx.getImageData(Math.round(x * r.ratio), Math.round(y * r.ratio), 1, 1).data;
            return [d[0]!, d[1]!, d[2]!] as [number, number, number];
          });
          out.push({ code: String(f.properties.code), pixels });
        }
      return out;
    });
    const classed: { side: number; value: number; cls: number }[] = [];
    for (const d of drawn)
      d.pixels.forEach((pixel, side) => {
        const cls = legend.findIndex((c) => colorDistance(pixel, hexToRgb(c)) < 12);
        const value = rate[side]!.get(d.code);
        if (cls >= 0 && value != null) classed.push({ side, value, cls });
      });
    expect(classed.filter((c) => c.side === 0).length).toBeGreaterThan(100);
    // Fishers live in the coastal villages only: fewer are drawn on the right.
    expect(classed.filter((c) => c.side === 1).length).toBeGreaterThan(20);
    const byValue = [...classed].sort((a, b) => a.value - b.value).map((c) => c.cls);
    const rising = byValue.every((c, i) => i === 0 || c >= byValue[i - 1]!);
    const falling = byValue.every((c, i) => i === 0 || c <= byValue[i - 1]!);
    expect(rising || falling, `classes by value: ${byValue.join(",")}`).toBe(true);

    const box = (await page.locator(".map canvas").first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 60, { steps: 8 });
    await page.mouse.up();
    // Both maps must show the same place after the drag.
    await expect
      .poll(() => page.locator(".map").evaluateAll((els) => els.map((el) => el.getAttribute("data-center"))))
      .toSatisfy((c: (string | null)[]) => c.length === 2 && c[0] != null && c[0] === c[1]);
    await screenshot(page, "split-sectors");
    await page.close();
  });

  it("offers the same numbers as a keyboard-reachable table", async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/?view=table`);
    const rows = page.locator(".coverage-table tbody tr");
    // The table is loaded on first use (its own chunk), then its data.
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(250);
    // Every village's row shows the API's numbers (farmers, the default sector; target 50%).
    const farmers = await nodes(app.server.url, "FARMER");
    expect(await rows.count()).toBe(farmers.totalCount);
    const id = (digits: number) => new Intl.NumberFormat("id-ID", { maximumFractionDigits: digits });
    const pct = new Intl.NumberFormat("id-ID", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].slice(0, 8).map((td) => td.textContent)));
    const dash = (v: number | null, f: (n: number) => string) => (v == null ? "–" : f(v));
    const expected = farmers.edges.map(({ node: n }) => [
      n.name,
      n.parentName,
      id(0).format(n.workforce),
      dash(n.enrolled, (v) => id(0).format(v)), // null: suppressed (fewer than the minimum cell size)
      dash(n.coverageRate, (r) => pct.format(r)),
      dash(n.uncovered, (v) => id(0).format(v)),
      dash(n.uncoveredPerKm2, (v) => id(1).format(v)),
      dash(n.gapToTarget, (v) => id(0).format(v)),
    ]);
    const key = (r: (string | null)[]) => r.join("|");
    expect(shown.map(key).sort()).toEqual(expected.map(key).sort());
    // A suppressed count (disclosure control) says why it is a dash: fewer than the server's minimum cell size.
    const suppressed = farmers.edges.find((e) => e.node.suppressed)!.node;
    const row = rows.filter({ has: page.locator("td:first-child button", { hasText: suppressed.name }) }).first();
    expect(await row.locator("td").nth(3).getAttribute("title")).toBe("Kurang dari 5 peserta: disembunyikan");
    const first = rows.first().locator("button");
    await first.focus();
    await page.keyboard.press("Enter");
    await page.locator(".village-panel .sector-figures").waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".village-panel").count()).toBe(0);
    const name = (await rows.nth(3).locator("button").textContent())!;
    await page.getByRole("searchbox").fill(name.slice(0, 6));
    await page.locator(".search-results button", { hasText: name }).first().click();
    await expect.poll(() => page.locator(".village-panel h2").textContent()).toBe(name);
    await screenshot(page, "table-view");
    await page.close();
  });
});
