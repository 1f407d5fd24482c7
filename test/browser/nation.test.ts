// A database of three regencies in two provinces (issue 12): the screen opens on the nation. Village
// boundaries are asked for only for the regency viewed (East Java's alone are 19 MB as GeoJSON, the
// nation's over the answer limit); above a regency the map, the presentation and the exports draw
// villages from the tiles. The expectations come from the API.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { seedSyntheticRegion } from "../../server/demo/synthetic-region.ts";
import {
  ARTIFACTS,
  colorDistance,
  drawnOnCanvas,
  EXPORT_TIMEOUT,
  graphql,
  hexToRgb,
  newPage,
  recordCanvasDrawing,
  screenLegend,
  screenshot,
  signIn,
  useBrowserApp,
  villagesIn,
  waitForPaint,
} from "./app.ts";
import { pngPixels, pngSize } from "./layout.ts";

const REGENCIES = ["63.01", "35.26", "35.27"]; // Tanah Laut (Kalimantan Selatan); Bangkalan and Sampang (Jawa Timur)
const app = useBrowserApp({}, async (db) => {
  for (const region of REGENCIES) await seedSyntheticRegion(db.sql, { region });
});

/** The codes of every village inside `code` (null: all), sorted. */
const codesIn = async (code: string | null) => (await villagesIn(app.server.url, code)).map((v) => v.code).sort();

/** Each Geometries answer the page receives: the village codes it holds, or null when it holds no villages. */
function geometryAnswers(page: Page): (string[] | null)[] {
  const answers: (string[] | null)[] = [];
  page.on("response", async (response) => {
    const body = response.request().postDataJSON() as { operationName?: string } | null;
    if (!response.url().endsWith("/graphql") || body?.operationName !== "Geometries") return;
    const { data } = (await response.json()) as { data: { villages?: { features: { properties: { code: string } }[] } } };
    answers.push(data.villages ? data.villages.features.map((f) => f.properties.code).sort() : null);
  });
  return answers;
}

const legendCount = async (page: Page) =>
  (
    await page.locator(".legend .legend-class .count, .legend .legend-suppressed .count, .legend .legend-no-data .count").allTextContents()
  ).reduce((sum, text) => sum + Number(text.replace(/\D/g, "")), 0);

/** The village codes the painted map draws (from the tiles), once it stands still. */
async function drawnVillages(page: Page): Promise<string[]> {
  await page.waitForFunction(() => window.__cakupan!.map.loaded() && !window.__cakupan!.map.isMoving(), null, { timeout: 30_000 });
  return page.evaluate(() =>
    [...new Set(window.__cakupan!.map.queryRenderedFeatures({ layers: ["village-fill"] }).map((f) => String(f.properties.code)))].sort(),
  );
}

/** The lowest-coverage villages of a region (null: the nation) for farmers, as the presentation and the report list them. */
async function lowestVillages(code: string | null): Promise<{ code: string; name: string }[]> {
  const { coverage } = await graphql<{ coverage: { edges: { node: { code: string; name: string } }[] } }>(
    app.server.url,
    `
      query ($c: String) {
        coverage(
          level: VILLAGE
          parentCode: $c
          sector: FARMER
          orderBy: COVERAGE_RATE
          direction: ASC
          first: 10
          reliability: [COUNT, ESTIMATE]
        ) {
          edges {
            node {
              code
              name
            }
          }
        }
      }
    `,
    { c: code },
  );
  return coverage.edges.map((e) => e.node);
}

/** The PDF report of the region the page views, downloaded: its text, and its first page as a small PNG. */
async function exportPdf(page: Page, name: string): Promise<{ text: string; firstPage: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download", EXPORT_TIMEOUT), page.click("button[name=export-pdf]")]);
  const path = (await file.path())!;
  await file.saveAs(join(ARTIFACTS, `${name}.pdf`));
  const text = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
  const dir = mkdtempSync(join(tmpdir(), "cakupan-pdf-"));
  try {
    execFileSync("pdftoppm", ["-png", "-r", "30", "-f", "1", "-l", "1", "-singlefile", path, join(dir, "page")]);
    return { text, firstPage: readFileSync(join(dir, "page.png")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The share of a PNG's pixels (every 3rd) within a small distance of one of the colours. */
async function shareInColors(page: Page, png: Buffer, colors: readonly string[]): Promise<number> {
  const { width, height } = pngSize(png);
  const pixels = await pngPixels(page, png, width, height, 3);
  return pixels.filter((p) => colors.some((c) => colorDistance(p, hexToRgb(c)) < 20)).length / pixels.length;
}

describe("a database of two provinces", { timeout: 240_000 }, () => {
  it("asks for no village boundaries above a regency, and for the viewed regency's only", async () => {
    const { datasetInfo } = await graphql<{ datasetInfo: { root: unknown; provinces: { code: string }[] } }>(
      app.server.url,
      "{ datasetInfo { root { code } provinces { code } } }",
    );
    expect(datasetInfo.root, "the data spans two provinces: no root region").toBeNull();
    expect(datasetInfo.provinces.map((p) => p.code).sort()).toEqual(["35", "63"]);
    const all = await codesIn(null);
    const inJatim = await codesIn("35");
    const inBangkalan = await codesIn("35.26");
    expect(inBangkalan.length).toBeGreaterThan(0);
    expect(inBangkalan.length).toBeLessThan(inJatim.length);
    expect(inJatim.length).toBeLessThan(all.length);

    const page = await newPage(app.browser);
    const answers = geometryAnswers(page);
    await page.goto(`${app.server.url}/`);
    await waitForPaint(page);
    await expect.poll(() => legendCount(page), { timeout: 30_000 }).toBe(all.length);
    await screenshot(page, "nation");
    expect(answers, "at the nation: districts and regencies, no village boundaries").toEqual([null]);

    // A province, chosen in the Wilayah selector: still no village boundaries; every one of its
    // villages drawn from the tiles, with its class.
    answers.length = 0;
    await page.selectOption("select[name=region]", "35");
    await expect.poll(() => new URL(page.url()).searchParams.get("region")).toBe("35");
    await expect(page.locator("select[name=region] option:checked").textContent()).resolves.toBe("Provinsi Jawa Timur");
    await expect.poll(() => legendCount(page), { timeout: 30_000 }).toBe(inJatim.length);
    expect(await drawnVillages(page)).toEqual(inJatim);
    expect(answers, "the boundaries held for the nation serve the province: no new request").toEqual([]);

    // A regency: its villages' boundaries, and only those (not its neighbour's in the same province).
    answers.length = 0;
    await page.goto(`${app.server.url}/?region=35.26`);
    await waitForPaint(page);
    await expect.poll(() => legendCount(page), { timeout: 30_000 }).toBe(inBangkalan.length);
    await expect.poll(() => answers.length).toBe(1);
    expect(answers[0]).toEqual(inBangkalan);
    await page.close();
  });

  it("presents the nation and a province: their children ranked, the lowest villages numbered on a map drawn from the tiles", async () => {
    const page = await newPage(app.browser);
    await page.setViewportSize({ width: 1280, height: 720 });
    // The nation: its provinces ranked, lowest coverage first, as the API ranks them.
    await page.goto(`${app.server.url}/?present=1&slide=3&lang=en`);
    await page.locator(".ranking-table tbody tr").first().waitFor({ timeout: 60_000 });
    await expect(page.locator(".slide-header p").textContent()).resolves.toContain("Indonesia");
    await expect(page.locator(".slide-header h1").textContent()).resolves.toBe("Province ranking");
    const { coverage } = await graphql<{ coverage: { edges: { node: { code: string } }[] } }>(
      app.server.url,
      "{ coverage(level: PROVINCE, sector: FARMER, orderBy: COVERAGE_RATE, direction: ASC) { edges { node { code } } } }",
    );
    const ranked = await page.locator(".ranking-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-code")));
    expect(ranked).toEqual(coverage.edges.map((e) => e.node.code));

    // A province's map: the lowest villages listed and numbered in order; every village of the province drawn from the tiles.
    await page.goto(`${app.server.url}/?present=1&slide=4&region=35&lang=en`);
    await page.locator(".lowest-marker").first().waitFor({ timeout: 60_000 });
    await waitForPaint(page);
    const lowest = await lowestVillages("35");
    expect(lowest.length).toBe(10);
    const listed = await page.locator(".lowest-list li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-code")));
    expect(listed).toEqual(lowest.map((v) => v.code));
    const markers = await page
      .locator(".lowest-marker")
      .evaluateAll((els) => els.map((el) => [el.getAttribute("data-code"), Number(el.textContent)] as const));
    expect([...markers].sort((a, b) => a[1] - b[1])).toEqual(lowest.map((v, i) => [v.code, i + 1]));
    expect(await drawnVillages(page)).toEqual(await codesIn("35"));
    await screenshot(page, "presentation-province-map");
    await page.close();
  });

  it("plans in a province: the reached and left-out villages marked on the village tiles", async () => {
    const page = await newPage(app.browser);
    await signIn(page, app.server.url); // plans need a planner, analyst or admin
    // The plan the page asks for, as the API answers it.
    const plans: { sites: { villages: { code: string }[] }[]; villagesLeftOut: { code: string }[] }[] = [];
    page.on("response", async (response) => {
      const body = response.request().postDataJSON() as { operationName?: string } | null;
      if (!response.url().endsWith("/graphql") || body?.operationName !== "OutreachPlan") return;
      const { data } = (await response.json()) as { data?: { outreachPlan: (typeof plans)[number] } };
      if (data) plans.push(data.outreachPlan);
    });
    await page.goto(`${app.server.url}/?view=planner&pv=1&region=35`);
    await waitForPaint(page);
    // The plan listed, then drawn: the map says how many sites it drew (0 before the plan came).
    await page.locator(".plan-site").first().waitFor({ timeout: 60_000 });
    const siteCount = await page.locator(".plan-site").count();
    await page.locator(`.map[data-plan-sites="${siteCount}"]`).waitFor({ timeout: 60_000 });
    await expect.poll(() => plans.length).toBeGreaterThan(0);
    const plan = plans.at(-1)!;
    expect(plan.sites.length).toBe(siteCount);
    const reached = [...new Set(plan.sites.flatMap((s) => s.villages.map((v) => v.code)))].sort();
    const leftOut = plan.villagesLeftOut.map((v) => v.code).sort();
    expect(reached.length).toBeGreaterThan(0);
    // Every village of the province, by the role its feature state on the tiles gives it.
    const inJatim = await codesIn("35");
    const roles = await page.evaluate(
      (codes) =>
        codes.map((code) => [
          code,
          window.__cakupan!.map.getFeatureState({ source: "villages", sourceLayer: "village", id: code }).plan ?? null,
        ]),
      inJatim,
    );
    const having = (role: string) =>
      roles
        .filter(([, r]) => r === role)
        .map(([code]) => code as string)
        .sort();
    expect(having("reached")).toEqual(reached);
    expect(having("left-out")).toEqual(leftOut);
    await screenshot(page, "planner-province");
    await page.close();
  });

  it("exports the nation's and a province's PDF report, the lowest villages numbered on a map drawn from the tiles", async () => {
    const page = await newPage(app.browser);
    await recordCanvasDrawing(page);
    for (const region of [null, "35"]) {
      await page.goto(`${app.server.url}/${region ? `?region=${region}` : ""}`);
      await waitForPaint(page);
      const legend = await screenLegend(page);
      await page.evaluate(() => ((window as unknown as { __drawn: { texts: string[] } }).__drawn.texts.length = 0));
      const { text, firstPage } = await exportPdf(page, `export-report-${region ?? "nation"}`);
      expect(text).toContain(region ? "Provinsi Jawa Timur" : "Indonesia");
      // The ten lowest villages listed in order, each numbered on the map.
      const lowest = await lowestVillages(region);
      const at = lowest.map((v) => text.indexOf(v.name));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      const drawn = await drawnOnCanvas(page);
      expect(drawn.texts).toEqual(expect.arrayContaining(lowest.map((_, i) => String(i + 1))));
      // The villages are drawn in the legend's colours (its swatches alone are under 0.1% of the page).
      const share = await shareInColors(page, firstPage, legend.colors);
      expect(share, `coloured share of the report's first page (${region ?? "nation"})`).toBeGreaterThan(0.015);
    }
    await page.close();
  });
});
