// The phone layout at 390×844: map on top, its panels as tabs under it, nothing wider than the screen.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { newPage, screenshot, waitForPaint, useBrowserApp, signIn } from "./app.ts";

const PHONE = { width: 390, height: 844 };
const app = useBrowserApp();

async function phonePage(path: string, signedIn = false): Promise<Page> {
  const page = await newPage(app.browser, { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  if (signedIn) await signIn(page, app.server.url); // plans need a planner, analyst or admin
  await page.goto(`${app.server.url}${path}`);
  await waitForPaint(page);
  return page;
}

/** How far the page reaches past the screen's right edge (0: no sideways scrolling). */
const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function box(page: Page, selector: string) {
  return (await page.locator(selector).first().boundingBox())!;
}

/** A point inside a village drawn on the map, away from the map's edges: [x, y] in page pixels. */
async function villagePoint(page: Page, side: "middle" | "right"): Promise<{ x: number; y: number; code: string }> {
  const frame = await box(page, ".map");
  return page.evaluate(
    ({ frame, side }) => {
      const map = window.__cakupan!.map;
      const w = map.getCanvas().clientWidth,
        h = map.getCanvas().clientHeight;
      // The right side: the easternmost village on a few rows; else the middle of the map.
      const xs = side === "right" ? Array.from({ length: 60 }, (_, i) => w - 2 - i * 3) : [w / 2, w / 2 + 15, w / 2 - 15];
      for (const x of xs)
        for (const y of [h / 2, h / 2 + 20, h / 2 - 20, h / 3]) {
          const f = map.queryRenderedFeatures([x, y], { layers: ["village-fill"] })[0];
          if (f) return { x: frame.x + x, y: frame.y + y, code: String(f.properties.code) };
        }
      throw new Error("no village under the probe points");
    },
    { frame, side },
  );
}

describe("the phone layout (390×844)", { timeout: 180_000 }, () => {
  it("puts the map on top, the legend and ranking in a tab under it, and never scrolls sideways", async () => {
    const page = await phonePage("/");
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    const map = await box(page, ".map");
    expect(map.y).toBeLessThan(260);
    expect(map.height).toBeGreaterThan(300);
    expect(map.width).toBeGreaterThanOrEqual(PHONE.width - 2);
    // The settings are folded into one line above the map.
    expect(await page.locator("details.phone-settings").getAttribute("open")).toBeNull();
    const tabs = page.getByRole("tab");
    expect(await tabs.allTextContents()).toEqual(["Legenda dan peringkat"]);
    const legend = await box(page, ".legend");
    expect(legend.y).toBeGreaterThan(map.y + map.height - 1);
    expect(legend.y).toBeLessThan(PHONE.height);
    expect(legend.x + legend.width).toBeLessThanOrEqual(PHONE.width);
    // The panel under the map is tall enough to read and scroll with a thumb.
    expect((await box(page, ".phone-panel")).height).toBeGreaterThan(200);
    await screenshot(page, "phone-map");

    await page.locator("details.phone-settings > summary").tap();
    await page.locator("select[name=sector]").waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "phone-settings");
    await page.close();
  });

  it("shows the village panel when a village is tapped, and keeps the tooltip on the screen", async () => {
    const page = await phonePage("/");
    // The tooltip near the right edge opens to the left of the finger, inside the screen.
    const edge = await villagePoint(page, "right");
    await page.mouse.move(edge.x, edge.y);
    const tip = page.locator(".map-tooltip");
    await tip.waitFor();
    const t = (await tip.boundingBox())!;
    expect(t.x).toBeGreaterThanOrEqual(0);
    expect(t.x + t.width).toBeLessThanOrEqual(PHONE.width);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);

    const target = await villagePoint(page, "middle");
    await page.touchscreen.tap(target.x, target.y);
    const panel = page.locator(".village-panel");
    await panel.locator(".sector-figures").waitFor({ timeout: 30_000 });
    expect(await panel.getAttribute("data-code")).toBe(target.code);
    expect(await page.getByRole("tab", { name: "Desa" }).getAttribute("aria-selected")).toBe("true");
    const p = (await panel.boundingBox())!;
    const map = await box(page, ".map");
    expect(p.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    expect(p.y).toBeLessThan(PHONE.height - 150);
    expect(p.x).toBeGreaterThanOrEqual(0);
    expect(p.x + p.width).toBeLessThanOrEqual(PHONE.width);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "phone-village");

    // Back to the ranking, then closing the panel leaves its tab.
    await page.getByRole("tab", { name: "Legenda dan peringkat" }).tap();
    expect(await page.locator(".legend").isVisible()).toBe(true);
    expect(await panel.isVisible()).toBe(false);
    await page.getByRole("tab", { name: "Desa" }).tap();
    await panel.getByRole("button", { name: "Tutup" }).tap();
    await expect.poll(() => page.getByRole("tab").allTextContents()).toEqual(["Legenda dan peringkat"]);
    await page.close();
  });

  it("plans from a phone: the form and the results in the tab under the map", async () => {
    const page = await phonePage("/?view=planner", true);
    const tabs = page.getByRole("tab", { name: "Perencanaan" });
    expect(await tabs.getAttribute("aria-selected")).toBe("true");
    const form = page.locator("form.plan-form");
    await form.locator("input[name=budget]").fill("100.000.000");
    await expect.poll(() => form.locator("input[name=from]").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByRole("button", { name: "Rencanakan" }).tap();
    await page.locator(".plan-site").first().waitFor({ timeout: 60_000 });
    await page.locator(".map[data-plan-sites]").first().waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    const site = await box(page, ".plan-site");
    expect(site.x + site.width).toBeLessThanOrEqual(PHONE.width);
    await page.locator(".plan-results").scrollIntoViewIfNeeded();
    await screenshot(page, "phone-planner");
    await page.close();
  });
});
