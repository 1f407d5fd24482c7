// A synthetic province of more than 2,000 villages (issue 12): the screen opens on the province with
// every village coloured (no 500 cap), and moves province → regency → district → village and back
// with the URL and the back button, the map, legend, ranking, table and planner following. The
// expectations come from the API (its paginated `coverage`, not the map's `mapValues`).
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { seedSyntheticRegion } from "../../server/demo/synthetic-region.ts";
import {
  colorDistance,
  graphql,
  hexToRgb,
  newPage,
  sampleMap,
  screenshot,
  useBrowserApp,
  villagesIn,
  waitForPaint,
  signIn,
} from "./app.ts";

const PROVINCE = "63";
const app = useBrowserApp({}, async (db) => {
  await seedSyntheticRegion(db.sql, { region: PROVINCE });
});

const settled = (page: Page) =>
  page.waitForFunction(() => window.__cakupan!.map.loaded() && !window.__cakupan!.map.isMoving(), null, { timeout: 30_000 });
const crumbs = (page: Page) => page.locator(".breadcrumbs li").allTextContents();
const rankCodes = (page: Page) => page.locator(".ranking .rank-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")!));
const legendCount = async (page: Page) =>
  (
    await page.locator(".legend .legend-class .count, .legend .legend-suppressed .count, .legend .legend-no-data .count").allTextContents()
  ).reduce((sum, text) => sum + Number(text.replace(/\D/g, "")), 0);

/** The villages drawn in the fill layer, with whether each has a class colour or the suppressed class (-2), not "no data" (-1). */
const drawn = (page: Page) =>
  page.evaluate(() => {
    const features = window.__cakupan!.map.queryRenderedFeatures({ layers: ["village-fill"] });
    const classed = (cls: number) => cls >= 0 || cls === -2;
    return [...new Map(features.map((f) => [String(f.properties.code), classed(Number(f.state?.cls ?? f.properties.cls))])).entries()];
  });

/** Click a region's name drawn by a symbol layer; returns its code. */
async function clickName(page: Page, layer: string, pick: (codes: string[]) => string): Promise<string> {
  const labels = await page.evaluate((layer) => {
    const m = window.__cakupan!.map;
    return m.queryRenderedFeatures({ layers: [layer] }).map((f) => {
      const at = m.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      return { code: String(f.properties.code), x: at.x, y: at.y };
    });
  }, layer);
  const code = pick(labels.map((l) => l.code));
  const label = labels.find((l) => l.code === code)!;
  const box = (await page.locator(".map canvas").first().boundingBox())!;
  await page.mouse.click(box.x + label.x, box.y + label.y);
  return code;
}

describe("a synthetic province of more than 2,000 villages", { timeout: 240_000 }, () => {
  it("opens on the province with every village coloured", async () => {
    const { datasetInfo } = await graphql<{ datasetInfo: { root: { code: string; name: string; level: string } } }>(
      app.server.url,
      "{ datasetInfo { root { code name level } } }",
    );
    expect(datasetInfo.root).toMatchObject({ code: PROVINCE, level: "PROVINCE" });
    const villages = await villagesIn(app.server.url, PROVINCE);
    expect(villages.length).toBeGreaterThanOrEqual(2000);

    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/`);
    await waitForPaint(page);
    await settled(page);
    await screenshot(page, "province");
    expect(await crumbs(page)).toEqual([`Provinsi ${datasetInfo.root.name}`]);
    expect(await legendCount(page)).toBe(villages.length);

    // Every village with workers is drawn in a class colour; the pixels are those colours.
    const shown = new Map(await drawn(page));
    const missing = villages.filter((v) => v.workforce > 0 && shown.get(v.code) !== true).map((v) => v.code);
    expect(missing).toEqual([]);
    await page.close();
  });

  it("moves province → regency → district → village and back; map, legend, ranking, table and planner follow", async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/`);
    await waitForPaint(page);
    await settled(page);
    const province = (await crumbs(page))[0]!;

    // Down to a regency by its name on the map.
    const regency = await clickName(page, "regency-label", (codes) => codes.sort()[1]!);
    await expect.poll(() => page.url()).toContain(`region=${regency}`);
    await settled(page);
    const regencyVillages = await villagesIn(app.server.url, regency);
    const inRegency = new Set(regencyVillages.map((v) => v.code));
    await expect.poll(() => legendCount(page)).toBe(regencyVillages.length);
    expect((await rankCodes(page)).filter((c) => !inRegency.has(c))).toEqual([]);
    expect(await crumbs(page)).toHaveLength(2);

    // Down to a district by its name.
    const district = await clickName(page, "district-label", (codes) => codes.filter((c) => c.startsWith(`${regency}.`)).sort()[0]!);
    await expect.poll(() => page.url()).toContain(`region=${district}`);
    await settled(page);
    const districtVillages = await villagesIn(app.server.url, district);
    const inDistrict = new Set(districtVillages.map((v) => v.code));
    await expect.poll(() => legendCount(page)).toBe(districtVillages.length);
    const shown = new Map(await drawn(page));
    expect([...shown.keys()].sort()).toEqual([...inDistrict].sort());
    expect([...shown.values()].every(Boolean)).toBe(true);
    expect((await rankCodes(page)).filter((c) => !inDistrict.has(c))).toEqual([]);
    // Close enough for a village to be many pixels: the pixels are the villages' class colours.
    const sample = await sampleMap(page);
    expect(sample.points.length).toBeGreaterThan(50);
    expect(sample.points.filter((p) => colorDistance(p.pixel, hexToRgb(p.color)) < 12).length / sample.points.length).toBeGreaterThan(0.8);
    await screenshot(page, "province-district");

    // A village from the ranking: its panel, the fourth breadcrumb.
    const village = (await rankCodes(page))[0]!;
    await page.locator(`.ranking .rank-item[data-code="${village}"]`).click();
    await page.locator(`.village-panel[data-code="${village}"]`).waitFor();
    const name = districtVillages.find((v) => v.code === village)!.name;
    await expect.poll(() => crumbs(page)).toHaveLength(4);
    expect((await crumbs(page))[3]).toContain(name);
    expect(page.url()).toContain(`village=${village}`);

    // The table lists the district's villages.
    await page.getByRole("button", { name: "Tabel", exact: true }).click();
    const rows = page.locator(".coverage-table tbody tr");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(districtVillages.length);

    // Back: the regency (as it was shown), then the province.
    await page.goBack();
    await expect.poll(() => page.url()).toContain(`region=${regency}`);
    await expect.poll(() => legendCount(page)).toBe(regencyVillages.length);
    expect(await crumbs(page)).toHaveLength(2);
    await page.goBack();
    await expect.poll(() => page.url()).not.toContain("region=");
    await expect.poll(() => crumbs(page)).toEqual([province]);
    await page.close();

    // The planner in the district (villages as candidate sites: the synthetic data has no fertilizer points).
    const planner = await newPage(app.browser);
    await signIn(planner, app.server.url); // plans need a planner, analyst or admin
    await planner.goto(`${app.server.url}/?view=planner&pv=1&region=${district}`);
    await waitForPaint(planner);
    await planner.locator(".plan-site").first().waitFor({ timeout: 60_000 });
    const sites = await planner.locator(".plan-site").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")!));
    expect(sites.length).toBeGreaterThan(0);
    expect(sites.filter((c) => !inDistrict.has(c))).toEqual([]);
    await planner.locator(".map[data-plan-sites]").waitFor({ timeout: 60_000 });
    const reached = await planner.evaluate(() =>
      window.__cakupan!.map.queryRenderedFeatures({ layers: ["plan-reached", "plan-left-out"] }).map((f) => String(f.properties.code)),
    );
    expect(reached.length).toBeGreaterThan(0);
    expect(reached.filter((c) => !inDistrict.has(c))).toEqual([]);
    await planner.close();
  });
});
