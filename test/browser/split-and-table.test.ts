import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { graphql, newPage, screenshot, waitForPaint, useBrowserApp } from "./app.ts";

describe("split view, table view and keyboard", { timeout: 120_000 }, () => {
  const app = useBrowserApp();

  it("shows two sectors side by side with one set of classes and linked panning", async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/?sector=ALL&split=sector&vs=FISHER&lang=en`);
    await waitForPaint(page);
    await expect.poll(() => page.locator(".map canvas").count()).toBe(2);
    await expect.poll(() => page.locator(".map-caption").allTextContents()).toEqual(["All sectors", "Fishers"]);
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
    const info = await graphql<{ coverage: { totalCount: number } }>(app.server.url, "{ coverage(level: VILLAGE) { totalCount } }");
    expect(await rows.count()).toBe(info.coverage.totalCount);
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
