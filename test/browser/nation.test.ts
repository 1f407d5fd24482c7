// A database of two regencies in two provinces (issue 12): the screen opens on the nation. The
// whole nation's village boundaries are over the answer limit (26 MB for the official list), and
// the map draws villages from the tiles, so the client asks for no village boundaries at the
// nation and for a province's once it is viewed. The expectations come from the API.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { seedSyntheticRegion } from "../../server/demo/synthetic-region.ts";
import { graphql, newPage, screenshot, useBrowserApp, villagesIn, waitForPaint } from "./app.ts";

const REGENCIES = ["63.01", "35.26"]; // Tanah Laut (Kalimantan Selatan), Bangkalan (Jawa Timur)
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

describe("a database of two provinces", { timeout: 240_000 }, () => {
  it("opens on the nation without every village's boundaries, and asks for a province's once it is viewed", async () => {
    const { datasetInfo } = await graphql<{ datasetInfo: { root: unknown; provinces: { code: string }[] } }>(
      app.server.url,
      "{ datasetInfo { root { code } provinces { code } } }",
    );
    expect(datasetInfo.root, "the data spans two provinces: no root region").toBeNull();
    expect(datasetInfo.provinces.map((p) => p.code).sort()).toEqual(["35", "63"]);
    const all = await codesIn(null);
    const inJatim = await codesIn("35");
    expect(inJatim.length).toBeGreaterThan(0);
    expect(inJatim.length).toBeLessThan(all.length);

    const page = await newPage(app.browser);
    const answers = geometryAnswers(page);
    await page.goto(`${app.server.url}/`);
    await waitForPaint(page);
    await expect.poll(() => legendCount(page), { timeout: 30_000 }).toBe(all.length);
    await screenshot(page, "nation");
    expect(answers, "at the nation: districts and regencies, no village boundaries").toEqual([null]);

    // Into a province: its villages' boundaries, and only those.
    answers.length = 0;
    await page.goto(`${app.server.url}/?region=35`);
    await waitForPaint(page);
    await expect.poll(() => legendCount(page), { timeout: 30_000 }).toBe(inJatim.length);
    await expect.poll(() => answers.length).toBe(1);
    expect(answers[0]).toEqual(inJatim);
    // Every village of the province is drawn from the tiles, with its class.
    await page.waitForFunction(() => window.__cakupan!.map.loaded() && !window.__cakupan!.map.isMoving(), null, { timeout: 30_000 });
    const drawn = await page.evaluate(() =>
      [...new Set(window.__cakupan!.map.queryRenderedFeatures({ layers: ["village-fill"] }).map((f) => String(f.properties.code)))].sort(),
    );
    expect(drawn).toEqual(inJatim);
    await page.close();
  });
});
