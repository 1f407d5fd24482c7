// The region narrows everything at once (issue 12), in Bangkalan: the map, the legend, the
// ranking, the table and the planner follow the district chosen; the URL holds it and the back
// button goes back up. Expectations come from the API's answers for that district, not the page.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { colorDistance, graphql, hexToRgb, newPage, sampleMap, screenshot, useBrowserApp, waitForPaint, signIn } from "./app.ts";

const app = useBrowserApp();

interface Village {
  code: string;
  name: string;
  coverageRate: number | null;
  reliability: string;
}

/** The district's villages, farmers in the latest month (the app's defaults), from the API. */
async function districtVillages(code: string): Promise<Village[]> {
  const { coverage } = await graphql<{ coverage: { totalCount: number; edges: { node: Village }[] } }>(
    app.server.url,
    `
      query ($c: String) {
        coverage(level: VILLAGE, parentCode: $c, sector: FARMER, first: 500) {
          totalCount
          edges {
            node {
              code
              name
              coverageRate
              reliability
            }
          }
        }
      }
    `,
    { c: code },
  );
  expect(coverage.edges).toHaveLength(coverage.totalCount);
  return coverage.edges.map((e) => e.node);
}

async function regionInfo(code: string) {
  const { region } = await graphql<{ region: { name: string; bbox: [number, number, number, number] } }>(
    app.server.url,
    "query($c: String!) { region(code: $c) { name bbox } }",
    { c: code },
  );
  return region;
}

const settled = (page: Page) =>
  page.waitForFunction(() => window.__cakupan!.map.loaded() && !window.__cakupan!.map.isMoving(), null, { timeout: 20_000 });

const rankCodes = (page: Page) => page.locator(".ranking .rank-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")!));
const crumbs = (page: Page) => page.locator(".breadcrumbs li").allTextContents();

/** The village counts of the legend's classes, its suppressed row and its no-data row. */
async function legendCount(page: Page): Promise<number> {
  const counts = await page
    .locator(".legend .legend-class .count, .legend .legend-suppressed .count, .legend .legend-no-data .count")
    .allTextContents();
  return counts.reduce((sum, text) => sum + Number(text.replace(/\D/g, "")), 0);
}

function mapView(page: Page) {
  return page.evaluate(() => {
    const m = window.__cakupan!.map;
    return { zoom: m.getZoom(), bounds: m.getBounds().toArray().flat() };
  });
}

describe("the region narrows everything, in Bangkalan", { timeout: 180_000 }, () => {
  it("choosing a district narrows the map, legend, ranking and table; the back button goes back up", async () => {
    const { regions } = await graphql<{ regions: { code: string }[] }>(
      app.server.url,
      '{ regions(level: DISTRICT, parentCode: "35.26") { code } }',
    );
    const district = regions.map((r) => r.code).sort()[4]!;
    const villages = await districtVillages(district);
    const codes = new Set(villages.map((v) => v.code));
    const { name, bbox } = await regionInfo(district);
    const all = await districtVillages("35.26");

    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/`);
    const paints = await waitForPaint(page);
    const before = await mapView(page);
    expect(await crumbs(page)).toEqual(["Kabupaten Bangkalan"]);
    expect(await legendCount(page)).toBe(all.length);

    await page.selectOption("select[name=region]", district);
    await waitForPaint(page, paints);
    await settled(page);
    expect(page.url()).toContain(`region=${district}`);
    expect(await crumbs(page)).toEqual(["Kabupaten Bangkalan", `Kecamatan ${name}`]);

    // The map: zoomed to the district, only its villages drawn, each in its class colour.
    const view = await mapView(page);
    expect(view.zoom).toBeGreaterThan(before.zoom + 0.5);
    const [w, s, e, n] = bbox;
    expect(view.bounds[0]! <= w && view.bounds[1]! <= s && view.bounds[2]! >= e && view.bounds[3]! >= n).toBe(true);
    const sample = await sampleMap(page);
    await screenshot(page, "region-district");
    expect(sample.codes.length).toBeGreaterThanOrEqual(Math.floor(codes.size * 0.9));
    expect(sample.codes.filter((c) => !codes.has(c))).toEqual([]);
    expect(sample.points.filter((p) => colorDistance(p.pixel, hexToRgb(p.color)) < 12).length / sample.points.length).toBeGreaterThan(0.8);

    // The legend classes count the district's villages, the ranking lists only them, worst first.
    expect(await legendCount(page)).toBe(villages.length);
    const ranked = await rankCodes(page);
    const reliable = villages.filter((v) => v.coverageRate != null && (v.reliability === "COUNT" || v.reliability === "ESTIMATE"));
    expect(ranked.length).toBe(Math.min(25, villages.filter((v) => v.coverageRate != null).length));
    expect(ranked.filter((c) => !codes.has(c))).toEqual([]);
    const lowest = Math.min(...reliable.map((v) => v.coverageRate!));
    expect(villages.find((v) => v.code === ranked[0])!.coverageRate).toBe(lowest);

    // The table: the district's villages, every one of them.
    await page.getByRole("button", { name: "Tabel", exact: true }).click();
    const rows = page.locator(".coverage-table tbody tr");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(villages.length);
    const names = await rows.locator("td:first-child button").allTextContents();
    expect(names.sort()).toEqual(villages.map((v) => v.name).sort());
    expect(page.url()).toContain(`region=${district}`);

    // Back goes up: the whole regency's map as it was before the district was chosen.
    await page.goBack();
    await expect.poll(() => page.url()).not.toContain("region=");
    await expect.poll(() => crumbs(page)).toEqual(["Kabupaten Bangkalan"]);
    await expect.poll(() => legendCount(page)).toBe(all.length);
    await expect.poll(async () => (await rankCodes(page)).some((c) => !codes.has(c))).toBe(true);
    await page.close();
  });

  it("a click on a district's name on the map moves into it, and the planner plans within it", async () => {
    const page = await newPage(app.browser);
    await signIn(page, app.server.url); // plans need a planner, analyst or admin
    await page.goto(`${app.server.url}/?view=planner`);
    await waitForPaint(page);
    await page.locator(".map[data-plan-sites]").waitFor({ timeout: 60_000 });
    await settled(page);
    // A district name drawn by the symbol layer, and where it is on the screen.
    const label = await page.evaluate(() => {
      const m = window.__cakupan!.map;
      const f = m.queryRenderedFeatures({ layers: ["district-label"] })[0]!;
      const at = m.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      return { code: String(f.properties.code), x: at.x, y: at.y };
    });
    const codes = new Set((await districtVillages(label.code)).map((v) => v.code));
    const box = (await page.locator(".map canvas").first().boundingBox())!;
    await page.mouse.click(box.x + label.x, box.y + label.y);
    await expect.poll(() => page.url()).toContain(`region=${label.code}`);
    await settled(page);

    // The plan the page asks for now is the district's; the API's own answer for it is what is shown.
    const form = page.locator("form.plan-form");
    await expect.poll(() => form.locator("input[name=from]").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const input = {
      sectors: ["FARMER"],
      sessions: 5,
      maxDistanceKm: 5,
      from: await form.locator("input[name=from]").inputValue(),
      to: await form.locator("input[name=to]").inputValue(),
      regionCode: label.code,
    };
    const { outreachPlan } = await graphql<{ outreachPlan: { sites: { code: string; villages: { code: string }[] }[] } }>(
      app.server.url,
      "query($input: PlanInput!) { outreachPlan(input: $input) { sites { code villages { code } } } }",
      { input },
      "admin",
    );
    const { fertilizerPoints } = await graphql<{ fertilizerPoints: { code: string }[] }>(
      app.server.url,
      "query($c: String) { fertilizerPoints(regionCode: $c) { code } }",
      { c: label.code },
    );
    const points = new Set(fertilizerPoints.map((p) => p.code));
    expect(outreachPlan.sites.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator(".plan-site").evaluateAll((els) => els.map((e) => e.getAttribute("data-code"))))
      .toEqual(outreachPlan.sites.map((s) => s.code));
    // Candidate sites are the district's fertilizer points; the villages reached are its own.
    expect(outreachPlan.sites.filter((s) => !points.has(s.code))).toEqual([]);
    await page.locator(`.map[data-plan-sites="${outreachPlan.sites.length}"]`).waitFor({ timeout: 60_000 });
    const reached = await page.evaluate(() =>
      window.__cakupan!.map.queryRenderedFeatures({ layers: ["plan-reached", "plan-left-out"] }).map((f) => String(f.properties.code)),
    );
    expect(reached.length).toBeGreaterThan(0);
    expect(reached.filter((c) => !codes.has(c))).toEqual([]);
    await screenshot(page, "region-planner");

    // The breadcrumb back to the regency: the regency's plan again.
    await page.locator(".breadcrumbs button", { hasText: "Kabupaten Bangkalan" }).click();
    await expect.poll(() => page.url()).not.toContain("region=");
    await page.close();
  });
});
