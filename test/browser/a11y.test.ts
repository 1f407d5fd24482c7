// axe-core in the page on every view: no critical or serious violations; a skip link to the map.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { newPage, signIn, waitForPaint, useBrowserApp } from "./app.ts";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's critical and serious violations on the page as it is, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the app's Content-Security-Policy allows only its own scripts.
  await page.evaluate(readFileSync(AXE, "utf8"));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  });
  return violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    );
}

const VIEWS: { name: string; path: string; ready: string; paint?: boolean; phone?: boolean; signedIn?: boolean }[] = [
  { name: "map", path: "/", ready: ".legend", paint: true },
  { name: "map with the village panel", path: "/?village=35.26.01.1001", ready: ".village-panel .sector-figures", paint: true },
  { name: "split map", path: "/?split=period&vs=2024-09", ready: ".map-caption", paint: true },
  { name: "table", path: "/?view=table", ready: ".coverage-table tbody tr" },
  { name: "planner", path: "/?view=planner", ready: ".plan-site", paint: true, signedIn: true },
  { name: "planner budget", path: "/?view=planner&ptab=budget&pbudget=100000000", ready: ".budget-panel dl", paint: true, signedIn: true },
  { name: "planner, not signed in", path: "/?view=planner", ready: "[data-needs-role=plan]", paint: true },
  { name: "planner saved plans", path: "/?view=planner&ptab=saved", ready: "[data-saving=off]", paint: true },
  { name: "presentation headline", path: "/?present=1", ready: ".big-number" },
  { name: "presentation trend", path: "/?present=1&slide=2", ready: "svg.slide-chart .series path" },
  { name: "presentation ranking", path: "/?present=1&slide=3", ready: ".ranking-table tbody tr" },
  { name: "presentation map", path: "/?present=1&slide=4", ready: ".lowest-marker" },
  { name: "presentation outreach", path: "/?present=1&slide=5", ready: ".slide-table tbody tr, .slide-empty" },
  { name: "presentation achieved", path: "/?present=1&slide=6", ready: "[data-figure=sessionsHeld], .slide-empty" },
  { name: "presentation cost", path: "/?present=1&slide=7", ready: "[data-figure=renewalCost]" },
  { name: "phone map", path: "/", ready: ".legend", paint: true, phone: true },
  { name: "phone village", path: "/?village=35.26.01.1001", ready: ".village-panel .sector-figures", paint: true, phone: true },
];

describe("accessibility (axe-core)", { timeout: 180_000 }, () => {
  const app = useBrowserApp();

  it.each(VIEWS)("has no critical or serious violations: $name", async (view) => {
    const page = await newPage(app.browser);
    if (view.phone) await page.setViewportSize({ width: 390, height: 844 });
    if (view.signedIn) await signIn(page, app.server.url);
    await page.goto(`${app.server.url}${view.path}`);
    if (view.paint) await waitForPaint(page);
    await page.locator(view.ready).first().waitFor({ timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("lets the keyboard skip to the map first", async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/`);
    await waitForPaint(page);
    await page.keyboard.press("Tab");
    const skip = page.locator(":focus");
    expect(await skip.textContent()).toBe("Langsung ke peta");
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.closest("#main")?.id ?? document.activeElement?.id)).toBe("main");
    await page.close();
  });
});
