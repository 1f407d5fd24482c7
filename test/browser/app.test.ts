import { beforeAll, describe, expect, it } from "vitest";
import { colorDistance, graphql, hexToRgb, mainJsGzipBytes, newPage, sampleMap, screenshot, useBrowserApp, waitForPaint } from "./app.ts";

let villageCount = 0;

describe("Cakupan in the browser", { timeout: 120_000 }, () => {
  const app = useBrowserApp();
  beforeAll(async () => {
    console.log(`main JS (without maplibre), gzipped: ${(mainJsGzipBytes() / 1024).toFixed(1)} KiB`);
    const geo = await graphql<{ g: { features: unknown[] } }>(app.server.url, "{ g: regionGeometries(level: VILLAGE) }");
    villageCount = geo.g.features.length;
  });

  it("paints every village polygon in its class colour", async () => {
    const page = await newPage(app.browser);
    const start = Date.now();
    await page.goto(`${app.server.url}/`);
    await waitForPaint(page);
    const firstPaint = await page.evaluate(() => window.__cakupan!.firstPaintMs);
    console.log(`first choropleth paint: ${firstPaint} ms after navigation start (${Date.now() - start} ms wall clock)`);
    const sample = await sampleMap(page);
    await screenshot(page, "map-default");
    expect(sample.codes.length).toBeGreaterThanOrEqual(Math.floor(villageCount * 0.95));
    expect(sample.points.length).toBeGreaterThan(100);
    const matching = sample.points.filter((p) => colorDistance(p.pixel, hexToRgb(p.color)) < 12);
    expect(matching.length / sample.points.length).toBeGreaterThan(0.8);
    expect(new Set(matching.map((p) => p.color)).size).toBeGreaterThanOrEqual(3);
    await expect(page.locator(".banner").textContent()).resolves.toContain("Data pekerja sintetis (demo)");
    await page.close();
  });

  it("changes the legend and the colours with the sector", async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/?method=equal`);
    const paints = await waitForPaint(page);
    const legendBefore = await page.locator(".legend .legend-class").allTextContents();
    const before = await sampleMap(page);
    await page.selectOption("select[name=sector]", "FISHER");
    await waitForPaint(page, paints);
    await expect.poll(() => page.locator(".legend .legend-class").allTextContents()).not.toEqual(legendBefore);
    const colorBefore = new Map(before.points.map((p) => [`${p.x},${p.y}`, p.color]));
    // The legend can change a frame before the map's new data is drawn: wait for the map itself.
    const changedShare = async () => {
      const after = await sampleMap(page);
      return after.points.filter((p) => colorBefore.get(`${p.x},${p.y}`) !== p.color).length / after.points.length;
    };
    await expect.poll(changedShare).toBeGreaterThan(0.2);
    await screenshot(page, "map-fishers");
    expect(page.url()).toContain("sector=FISHER");
    await page.close();
  });

  it("opens the village panel with the numbers of the GraphQL answer", async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/`);
    await waitForPaint(page);
    const sample = await sampleMap(page, 12);
    // Not on a district's name: a click there moves into the district instead.
    const clear = await page.evaluate(
      (points) =>
        points.filter((p) => window.__cakupan!.map.queryRenderedFeatures([p.x, p.y], { layers: ["district-label"] }).length === 0),
      sample.points,
    );
    const target = clear[Math.floor(clear.length / 2)]!;
    const box = (await page.locator(".map canvas").first().boundingBox())!;
    await page.mouse.move(box.x + target.x, box.y + target.y);
    await expect.poll(() => page.locator(".map-tooltip").count()).toBe(1);
    await page.mouse.click(box.x + target.x, box.y + target.y);
    const panel = page.locator(`.village-panel[data-code="${target.code}"]`);
    await panel.locator(".sector-figures tr.total").waitFor({ timeout: 30_000 });
    const info = await graphql<{ datasetInfo: { latestPeriod: string } }>(app.server.url, "{ datasetInfo { latestPeriod } }");
    const answer = await graphql<{ region: { parent: { code: string } } }>(
      app.server.url,
      "query($c: String!) { region(code: $c) { parent { code } } }",
      { c: target.code },
    );
    const list = await graphql<{
      coverage: { edges: { node: { code: string; name: string; workforce: number; enrolled: number; coverageRate: number | null } }[] };
    }>(
      app.server.url,
      "query($p: String, $period: String) { coverage(level: VILLAGE, parentCode: $p, period: $period, first: 500) { edges { node { code name workforce enrolled coverageRate } } } }",
      { p: answer.region.parent.code, period: info.datasetInfo.latestPeriod },
    );
    const node = list.coverage.edges.map((e) => e.node).find((n) => n.code === target.code)!;
    const id = new Intl.NumberFormat("id-ID");
    const total = await panel.locator(".sector-figures tr.total").textContent();
    expect(await panel.locator("h2").textContent()).toBe(node.name);
    expect(total).toContain(id.format(node.workforce));
    expect(total).toContain(id.format(node.enrolled));
    if (node.coverageRate != null) {
      expect(total).toContain(
        new Intl.NumberFormat("id-ID", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(node.coverageRate),
      );
    }
    await expect.poll(() => page.locator(".trend-chart").count()).toBe(1);
    expect(page.url()).toContain(`village=${encodeURIComponent(target.code)}`);
    await screenshot(page, "village-panel");
    await page.close();
  });

  it("restores the same view from a shared URL", async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/`);
    await waitForPaint(page);
    await page.selectOption("select[name=metric]", "UNCOVERED");
    await page.selectOption("select[name=sector]", "LIVESTOCK");
    await page.selectOption("select[name=method]", "jenks");
    await page.selectOption("select[name=classes]", "7");
    await page.selectOption("select[name=palette]", "Blues");
    await page.getByRole("button", { name: "EN", exact: true }).click();
    const first = page.locator(".ranking .rank-item").first();
    const code = await first.getAttribute("data-code");
    await first.click();
    await page.locator(".village-panel .sector-figures").waitFor();
    await page.evaluate(() => window.__cakupan!.map.jumpTo({ center: [112.95, -7.08], zoom: 10.7 }));
    await expect.poll(() => page.url()).toContain("z=10.70");
    const shared = page.url();
    const legend = await page.locator(".legend .legend-class").allTextContents();
    await screenshot(page, "shared-view-before");

    const other = await newPage(app.browser);
    await other.goto(shared);
    await waitForPaint(other);
    await other.locator(".village-panel .sector-figures").waitFor();
    expect(await other.locator("select[name=metric]").inputValue()).toBe("UNCOVERED");
    expect(await other.locator("select[name=sector]").inputValue()).toBe("LIVESTOCK");
    expect(await other.locator("select[name=method]").inputValue()).toBe("jenks");
    expect(await other.locator("select[name=palette]").inputValue()).toBe("Blues");
    expect(await other.locator(".legend .legend-class").count()).toBe(7);
    await expect.poll(() => other.locator(".legend .legend-class").allTextContents()).toEqual(legend);
    expect(await other.locator(".village-panel").getAttribute("data-code")).toBe(code);
    expect(await other.locator("h1").textContent()).toContain("Social Protection");
    const view = await other.evaluate(() => {
      const m = window.__cakupan!.map;
      return { zoom: m.getZoom(), center: m.getCenter().toArray() };
    });
    expect(view.zoom).toBeCloseTo(10.7, 1);
    expect(view.center[0]).toBeCloseTo(112.95, 3);
    expect(view.center[1]).toBeCloseTo(-7.08, 3);
    await other.reload();
    await waitForPaint(other);
    expect(other.url()).toBe(shared);
    await screenshot(other, "shared-view-after");
    await other.close();
    await page.close();
  });

  // Issue 13, item 12: bytes, not time (the time to first paint is in `npm run bench:cold-load`).
  it("transfers under 1 MB on a cold load of Bangkalan until the choropleth is painted", async () => {
    const page = await newPage(app.browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const wire = new Map<string, number>();
    cdp.on("Network.loadingFinished", (e) => wire.set(e.requestId, e.encodedDataLength));
    await page.goto(`${app.server.url}/`);
    await waitForPaint(page);
    await page.waitForLoadState("networkidle");
    const bytes = [...wire.values()].reduce((a, b) => a + b, 0);
    expect(wire.size).toBeGreaterThan(3); // the page, its script, styles and the data did come over the wire
    expect(bytes, `${wire.size} requests`).toBeLessThan(1_000_000);
    await page.close();
  });

  it("serves GraphiQL offline: the page loads nothing from outside and reads the schema by introspection", async () => {
    // newPage fails the test on any request outside this machine or any page error.
    const page = await newPage(app.browser);
    const introspection = page.waitForResponse(
      (r) => r.url() === `${app.server.url}/graphql` && r.request().method() === "POST" && /__schema/.test(r.request().postData() ?? ""),
      { timeout: 60_000 },
    );
    await page.goto(`${app.server.url}/graphql`);
    const response = await introspection;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { data?: { __schema: { queryType: { name: string }; types: { name: string }[] } } };
    expect(body.data!.__schema.queryType.name).toBe("Query");
    expect(body.data!.__schema.types.map((t) => t.name)).toEqual(expect.arrayContaining(["CoverageNode", "Region", "Sector"]));
    // The editor is drawn (GraphiQL's own code ran), and its docs explorer lists the schema's root fields.
    await page.locator(".graphiql-container").first().waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: /documentation explorer/i }).click();
    await expect.poll(() => page.locator(".graphiql-doc-explorer").textContent()).toContain("Query");
    await screenshot(page, "graphiql");
    await page.close();
  });
});
