// What planners and officials met on a close look at every screen (issue 13), on a server with no
// admin token (saving switched off).
import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { colorDistance, graphql, hexToRgb, newPage, sampleMap, screenshot, signIn, waitForPaint, useBrowserApp } from "./app.ts";

const pct = (r: number) =>
  new Intl.NumberFormat("id-ID", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r);
const rupiah = (n: number) => new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 }).format(n);

describe("planners and officials, round two", { timeout: 180_000 }, () => {
  const app = useBrowserApp();

  it("reads a budget the way Indonesians write it, shows the amount read, and explains an empty plan", async () => {
    const page = await newPage(app.browser);
    await signIn(page, app.server.url); // plans need a planner, analyst or admin
    await page.goto(`${app.server.url}/?view=planner`);
    await waitForPaint(page);
    const form = page.locator("form.plan-form");
    const budget = form.locator("input[name=budget]");
    await budget.fill("100.000.000");
    // The amount as read, beside the field: one hundred million, not one hundred.
    expect(await form.locator("output").first().textContent()).toBe(rupiah(100_000_000));
    await expect.poll(() => form.locator("input[name=from]").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByRole("button", { name: "Rencanakan" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("pbudget")).toBe("100000000");
    await page.locator(".plan-site").first().waitFor({ timeout: 60_000 });

    // A budget below one worker's premium: no site, and the message says why, not "no candidates".
    await budget.fill("1.000");
    expect(await form.locator("output").first().textContent()).toBe(rupiah(1000));
    await form.getByRole("button", { name: "Rencanakan" }).click();
    const from = await form.locator("input[name=from]").inputValue();
    const to = await form.locator("input[name=to]").inputValue();
    const { outreachPlan: answer } = await graphql<{ outreachPlan: { candidateCount: number; sites: unknown[] } }>(
      app.server.url,
      `
        query ($input: PlanInput!) {
          outreachPlan(input: $input) {
            candidateCount
            sites {
              order
            }
          }
        }
      `,
      { input: { sectors: ["FARMER"], sessions: 5, maxDistanceKm: 5, from, to, budget: 1000 } },
      "admin",
    );
    expect(answer.sites).toHaveLength(0);
    expect(answer.candidateCount).toBeGreaterThan(0);
    const empty = page.locator(".no-sites");
    await empty.waitFor({ timeout: 60_000 });
    expect(await empty.getAttribute("data-reason")).toBe("BUDGET_SPENT");
    expect(await empty.textContent()).toContain(String(answer.candidateCount));
    expect(await empty.textContent()).toContain(rupiah(16_800 * 12));

    // In English the Indonesian way of writing is refused with a message, and the plan is not changed.
    await page.goto(`${app.server.url}/?view=planner&lang=en&pbudget=5000000`);
    await waitForPaint(page);
    const en = page.locator("form.plan-form");
    expect(await en.locator("input[name=budget]").inputValue()).toBe("5,000,000");
    await en.locator("input[name=budget]").fill("100.000.000");
    expect(await en.getByRole("alert").textContent()).toMatch(/commas/);
    await en.getByRole("button", { name: "Plan" }).click();
    expect(new URL(page.url()).searchParams.get("pbudget")).toBe("5000000");
    await page.close();
  });

  it("takes manual coverage breaks in percent, refuses nonsense with a message, and hides the class count", async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/`);
    await waitForPaint(page);
    const controls = page.locator("form.controls");
    expect(await controls.locator("select[name=classes]").count()).toBe(1);
    await controls.locator("select[name=method]").selectOption("manual");
    // Manual breaks ignore the class count: the control goes away.
    expect(await controls.locator("select[name=classes]").count()).toBe(0);
    const breaks = controls.locator("input[name=breaks]");
    expect(await controls.locator("label", { hasText: "%" }).count()).toBe(1);
    await breaks.fill("25; 50; 75");
    await breaks.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("breaks")).toBe("0.25,0.5,0.75");

    // The legend's counts are those of the farmers' village rates, computed here from the API.
    const { coverage } = await graphql<{ coverage: { edges: { node: { coverageRate: number | null } }[] } }>(
      app.server.url,
      `
        {
          coverage(level: VILLAGE, sector: FARMER, first: 500) {
            edges {
              node {
                coverageRate
              }
            }
          }
        }
      `,
    );
    const rates = coverage.edges.map((e) => e.node.coverageRate).filter((r): r is number => r != null);
    const expected = [
      rates.filter((r) => r < 0.25),
      rates.filter((r) => r >= 0.25 && r < 0.5),
      rates.filter((r) => r >= 0.5 && r < 0.75),
      rates.filter((r) => r >= 0.75),
    ].map((c) => c.length);
    expect(expected.filter((n) => n > 0).length).toBeGreaterThan(1);
    const rows = page.locator(".sidebar .legend-class");
    await expect.poll(() => rows.count()).toBe(4);
    const counts = (await rows.locator(".count").allTextContents()).map((s) => Number(s.replace(/\D/g, "")));
    expect(counts).toEqual(expected);
    expect(await rows.nth(1).locator(".range").textContent()).toBe(`${pct(0.25)} – ${pct(0.5)}`);

    // 250 % is no coverage break: refused with a message, the map keeps its classes.
    await breaks.fill("25; 250");
    await breaks.press("Enter");
    expect(await controls.getByRole("alert").textContent()).toContain("250");
    expect(new URL(page.url()).searchParams.get("breaks")).toBe("0.25,0.5,0.75");
    await page.close();
  });

  it("says saving is switched off when the server has no admin token, and prints the field sheet of an unsaved plan", async () => {
    const { datasetInfo } = await graphql<{ datasetInfo: { mutationsEnabled: boolean } }>(
      app.server.url,
      "{ datasetInfo { mutationsEnabled } }",
    );
    expect(datasetInfo.mutationsEnabled).toBe(false);
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/?view=planner&ptab=saved`);
    await waitForPaint(page);
    await page.locator("[data-saving=off]").waitFor();
    expect(await page.locator("[data-saving=off]").textContent()).toContain("ADMIN_TOKEN");
    expect(await page.locator("input[name=adminToken]").count()).toBe(0);
    expect(await page.getByRole("button", { name: /Simpan/ }).count()).toBe(0);

    // The plan tab links the field sheet of the plan on screen, saved or not (planning needs a sign-in).
    await signIn(page, app.server.url);
    await page.reload();
    await page.getByRole("tab", { name: "Rencana", exact: true }).click();
    await page.locator(".plan-site").first().waitFor({ timeout: 60_000 });
    const names = await page.locator(".plan-site strong").allTextContents();
    const href = (await page.getByRole("link", { name: /Lembar lapangan/ }).getAttribute("href"))!;
    const res = await page.request.get(new URL(href, app.server.url).href);
    expect(res.status()).toBe(200);
    const sheet = await res.text();
    expect(sheet.match(/<section class="sheet">/g)).toHaveLength(names.length);
    for (const name of names) expect(sheet).toContain(name);
    expect(sheet).toContain("belum disimpan");

    // A broken plan in the link gets one clear message.
    const bad = await page.request.get(`${app.server.url}/export/field-sheet?plan=${encodeURIComponent('{"sessions":0}')}`);
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/sessions/);
    await page.close();
  });

  it("names fertilizer point kinds, scales the trend to the rates shown, and closes the village panel with Escape", async () => {
    // A village whose farmers are well covered but below 100% in every month.
    const { coverage } = await graphql<{ coverage: { edges: { node: { code: string } }[] } }>(
      app.server.url,
      `
        {
          coverage(level: VILLAGE, sector: FARMER, minCoverageRate: 0.8, maxCoverageRate: 0.97, first: 20) {
            edges {
              node {
                code
              }
            }
          }
        }
      `,
    );
    let village: { code: string; max: number } | null = null;
    for (const { node } of coverage.edges) {
      const { coverageSeries } = await graphql<{ coverageSeries: { coverageRate: number | null }[] }>(
        app.server.url,
        `
          query ($c: String!) {
            coverageSeries(code: $c, sector: FARMER, months: 24) {
              coverageRate
            }
          }
        `,
        { c: node.code },
      );
      const max = Math.max(...coverageSeries.map((p) => p.coverageRate ?? 0));
      if (max > 0.6 && max < 0.98) {
        village = { code: node.code, max };
        break;
      }
    }
    expect(village).not.toBeNull();
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/?village=${village!.code}`);
    await waitForPaint(page);
    const panel = page.locator(".village-panel");
    await panel.locator(".fertilizer-list li").first().waitFor({ timeout: 30_000 });
    const kinds = await panel.locator(".fertilizer-list li .muted").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    for (const k of kinds) expect(k).toMatch(/^\((Kios pupuk|Gudang pupuk)\)$/);

    // The axis ends at the first round step above the highest rate: at most 100%, not 200%.
    const labels = await panel.locator("svg.trend-chart > g > text").allTextContents();
    const top = Math.max(
      ...labels.filter((l) => l.endsWith("%")).map((l) => Number(l.replace("%", "").replace(/\./g, "").replace(",", ".")) / 100),
    );
    expect(top).toBeGreaterThanOrEqual(village!.max);
    expect(top).toBeLessThanOrEqual(1);

    // Escape closes the panel even with the focus on the map.
    await page
      .locator(".map canvas")
      .first()
      .click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.count()).toBe(0);
    expect(new URL(page.url()).searchParams.get("village")).toBeNull();
    await page.close();
  });

  it("heads the ranking by its measure, starts the table in the ranking's order with sort arrows and a filter, and names regency and district apart", async () => {
    const page = await newPage(app.browser);
    await signIn(page, app.server.url); // plans need a planner, analyst or admin
    await page.goto(`${app.server.url}/?metric=UNCOVERED`);
    await waitForPaint(page);
    expect(await page.locator("#ranking-title").textContent()).toBe("Desa dengan pekerja tanpa perlindungan terbanyak");

    // The table: reliable rates first, lowest coverage first, as the ranking (computed here from the API).
    const { coverage } = await graphql<{
      coverage: { edges: { node: { name: string; parentName: string; coverageRate: number | null; reliability: string } }[] };
    }>(
      app.server.url,
      `
        {
          coverage(level: VILLAGE, sector: FARMER, first: 500) {
            edges {
              node {
                name
                parentName
                coverageRate
                reliability
              }
            }
          }
        }
      `,
      {},
      "admin", // the page is signed in as the admin, who sees counts under the minimum cell size
    );
    const nodes = coverage.edges.map((e) => e.node);
    const reliable = nodes.filter((n) => n.coverageRate != null && (n.reliability === "COUNT" || n.reliability === "ESTIMATE"));
    const lowest = reliable.reduce((a, b) => (b.coverageRate! < a.coverageRate! ? b : a));
    expect(nodes.some((n) => n.reliability === "SMALL_WORKFORCE" && n.coverageRate! < lowest.coverageRate!)).toBe(true);
    await page.goto(`${app.server.url}/?view=table`);
    const rows = page.locator(".coverage-table tbody tr");
    // The table is loaded on first use (its own chunk), then its data.
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(250);
    expect(await rows.first().locator("td").first().textContent()).toBe(lowest.name);
    const header = page.locator(".coverage-table thead th").nth(2);
    expect(await header.evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
    await header.locator("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    expect(await header.textContent()).toContain("▲");
    await header.locator("button").click();
    expect(await header.textContent()).toContain("▼");

    // The filter keeps the villages of one district (by name) and says how many.
    const district = lowest.parentName;
    await page.locator("input[name=tableFilter]").fill(district);
    const expected = nodes.filter(
      (n) => n.name.toLowerCase().includes(district.toLowerCase()) || n.parentName.toLowerCase().includes(district.toLowerCase()),
    );
    await expect.poll(() => rows.count()).toBe(expected.length);
    expect(await page.locator(".table-filter [role=status]").textContent()).toContain(`${expected.length} dari ${nodes.length}`);

    // The plan's before/after table tells the regency from the district of the same name.
    await page.goto(`${app.server.url}/?view=planner`);
    await page.locator(".plan-coverage tbody tr").first().waitFor({ timeout: 60_000 });
    const labels = await page.locator(".plan-coverage tbody th").allTextContents();
    expect(labels).toContain("Kabupaten Bangkalan");
    expect(labels).toContain("Kecamatan Bangkalan");
    expect(labels.filter((l) => l === "Bangkalan")).toHaveLength(0);
    await page.close();
  });

  it("has MapLibre's zoom buttons and scale bar, labels villages close up, and shows a picked village within its district", async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/`);
    await waitForPaint(page);
    expect(await page.locator(".maplibregl-ctrl-zoom-in").getAttribute("aria-label")).toBe("Perbesar");
    expect(await page.locator(".maplibregl-ctrl-scale").textContent()).toMatch(/^\d+\s?(m|km)$/);
    // Far out the names would be a blur: none.
    expect(await page.evaluate(() => window.__cakupan!.map.queryRenderedFeatures({ layers: ["village-label"] }).length)).toBe(0);

    // Pick a village by search: the map shows its whole district, not the village alone at zoom 12.5.
    const { coverage } = await graphql<{ coverage: { edges: { node: { code: string; name: string; parentCode: string } }[] } }>(
      app.server.url,
      `
        {
          coverage(level: VILLAGE, parentCode: "35.26.10", first: 1) {
            edges {
              node {
                code
                name
                parentCode
              }
            }
          }
        }
      `,
    );
    const village = coverage.edges[0]!.node;
    const { region } = await graphql<{ region: { bbox: [number, number, number, number] } }>(
      app.server.url,
      `
        query ($c: String!) {
          region(code: $c) {
            bbox
          }
        }
      `,
      { c: village.parentCode },
    );
    await page.getByRole("searchbox").fill(village.name);
    await page.locator(".search-results button", { hasText: village.name }).first().click();
    await page.locator(".village-panel").waitFor();
    await page.waitForFunction(() => !window.__cakupan!.map.isMoving(), null, { timeout: 10_000 });
    await page.waitForTimeout(800);
    const view = await page.evaluate(() => {
      const m = window.__cakupan!.map;
      return { zoom: m.getZoom(), bounds: m.getBounds().toArray().flat() };
    });
    expect(view.zoom).toBeLessThanOrEqual(12);
    const [w, s, e, n] = region.bbox;
    expect(view.bounds[0]! <= w && view.bounds[1]! <= s && view.bounds[2]! >= e && view.bounds[3]! >= n).toBe(true);

    // Close up, village names are drawn by MapLibre's symbol layer, without overlaps.
    await page.evaluate(() => window.__cakupan!.map.jumpTo({ zoom: 12 }));
    await page.waitForFunction(() => window.__cakupan!.map.areTilesLoaded() && !window.__cakupan!.map.isMoving());
    await expect
      .poll(() => page.evaluate(() => window.__cakupan!.map.queryRenderedFeatures({ layers: ["village-label"] }).length))
      .toBeGreaterThan(3);
    await page.close();
  });

  it("plays the months with the time slider, and copies the link of the view", async () => {
    const { periods } = await graphql<{ periods: string[] }>(app.server.url, "{ periods }");
    const start = periods.at(-4)!;
    const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.server.url });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/?period=${start}`);
    const painted = await waitForPaint(page);
    const slider = page.locator("input[name=timeSlider]");
    expect(await slider.inputValue()).toBe(String(periods.indexOf(start)));
    expect(await slider.getAttribute("max")).toBe(String(periods.length - 1));
    await page.getByRole("button", { name: "▶ Putar" }).click();
    // Each month in turn, to the last, then it stops.
    await expect.poll(() => new URL(page.url()).searchParams.get("period"), { timeout: 10_000 }).toBe(periods.at(-3));
    await expect.poll(() => new URL(page.url()).searchParams.get("period"), { timeout: 10_000 }).toBe(periods.at(-2));
    await screenshot(page, "time-slider");
    await expect.poll(() => new URL(page.url()).searchParams.get("period"), { timeout: 10_000 }).toBe(periods.at(-1));
    await expect.poll(() => page.locator(".time-slider").getAttribute("data-playing"), { timeout: 10_000 }).toBe("false");
    // Painted again after playing (a month superseded before its paint finished is not counted).
    await waitForPaint(page, painted);
    await slider.fill("0");
    await expect.poll(() => new URL(page.url()).searchParams.get("period")).toBe(periods[0]);

    await page.getByRole("button", { name: "Salin tautan" }).click();
    await page.locator("[data-copied]").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    await context.close();
  });

  it("maps the change between two months on a diverging palette, with the same reliability marks", async () => {
    const { periods } = await graphql<{ periods: string[] }>(app.server.url, "{ periods }");
    const [now, then] = [periods.at(-1)!, periods.at(-13)!];
    type Row = { code: string; coverageRate: number | null; reliability: string };
    const rows = async (period: string) =>
      (
        await graphql<{ coverage: { edges: { node: Row }[] } }>(
          app.server.url,
          `
            query ($p: String) {
              coverage(level: VILLAGE, sector: FARMER, period: $p, first: 500) {
                edges {
                  node {
                    code
                    coverageRate
                    reliability
                  }
                }
              }
            }
          `,
          { p: period },
        )
      ).coverage.edges.map((e) => e.node);
    const before = new Map((await rows(then)).map((r) => [r.code, r]));
    // A suppressed count (disclosure control) is a class of its own, not the unreliable mark.
    const reliable = (r: Row | undefined) =>
      r != null && (r.reliability === "COUNT" || r.reliability === "ESTIMATE" || r.reliability === "SUPPRESSED");
    const changes = (await rows(now)).map((r) => {
      const b = before.get(r.code);
      return {
        code: r.code,
        change: r.coverageRate == null || b?.coverageRate == null ? null : r.coverageRate - b.coverageRate,
        reliable: reliable(r) && reliable(b),
      };
    });
    const falls = changes.filter((c) => c.change != null && c.change < 0);
    const rises = changes.filter((c) => c.change != null && c.change >= 0);
    expect(falls.length).toBeGreaterThan(0);
    expect(rises.length).toBeGreaterThan(0);

    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/?change=${then}`);
    await waitForPaint(page);
    await expect.poll(() => page.locator("#legend-title").textContent()).toContain("perubahan sejak");
    const classes = page.locator(".sidebar .legend-class");
    await expect.poll(() => classes.count()).toBe(6);
    const counts = (await classes.locator(".count").allTextContents()).map((t) => Number(t.replace(/\D/g, "")));
    expect(counts.slice(0, 3).reduce((a, b) => a + b)).toBe(falls.length);
    expect(counts.slice(3).reduce((a, b) => a + b)).toBe(rises.length);
    const unreliable = (await page.locator(".legend-unreliable .count").textContent())!.replace(/\D/g, "");
    expect(Number(unreliable)).toBe(changes.filter((c) => !c.reliable).length);
    // Symmetric classes: the lowest edge is minus the highest.
    const ranges = await classes.locator(".range").allTextContents();
    const edge = (s: string) =>
      s
        .replace(/[−-]/, "-")
        .replace(",", ".")
        .replace(/[^\d.-]/g, "");
    expect(Number(edge(ranges[0]!.split(" – ")[0]!))).toBe(-Number(edge(ranges.at(-1)!.split(" – ")[1]!)));

    // What is drawn: a village that lost coverage in one of the three falling colours, one that gained in a rising one.
    const colors = await classes.evaluateAll((els) => els.map((el) => el.getAttribute("data-color")!));
    const drawn = await page.evaluate(() =>
      window
        .__cakupan!.map.queryRenderedFeatures({ layers: ["village-fill"] })
        .map((f) => [String(f.properties.code), String(f.state?.color ?? f.properties.color)]),
    );
    const colorOf = new Map(drawn as [string, string][]);
    expect(falls.every((f) => colors.slice(0, 3).includes(colorOf.get(f.code)!))).toBe(true);
    expect(rises.every((r) => colors.slice(3).includes(colorOf.get(r.code)!))).toBe(true);
    await screenshot(page, "change-map");
    await page.close();
  });

  it("keeps reached villages in their own colours on the planner map, veils those left out, and draws the legend as the map", async () => {
    const page = await newPage(app.browser);
    await signIn(page, app.server.url); // plans need a planner, analyst or admin
    await page.goto(`${app.server.url}/?view=planner`);
    await waitForPaint(page);
    await page.locator(".map[data-plan-sites]").waitFor({ timeout: 60_000 });
    await page.locator(".plan-site").first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    const reached = new Set(
      await page.evaluate(() =>
        window.__cakupan!.map.queryRenderedFeatures({ layers: ["plan-reached"] }).map((f) => String(f.properties.code)),
      ),
    );
    const leftOut = new Set(
      await page.evaluate(() =>
        window.__cakupan!.map.queryRenderedFeatures({ layers: ["plan-left-out"] }).map((f) => String(f.properties.code)),
      ),
    );
    expect(reached.size).toBeGreaterThan(3);
    const sample = await sampleMap(page, 60);
    // Inside a reached village the pixel is the village's class colour, not a blue-tinted mix.
    const inReached = sample.points.filter((p) => reached.has(p.code));
    const exact = inReached.filter((p) => colorDistance(p.pixel, hexToRgb(p.color)) < 15);
    expect(inReached.length).toBeGreaterThan(10);
    // (Some points fall on outlines, radius circles and site markers.)
    expect(exact.length / inReached.length).toBeGreaterThan(0.6);
    // Inside a village left out it is lighter than its class colour in every channel.
    const inLeftOut = sample.points.filter((p) => leftOut.has(p.code));
    const lighter = inLeftOut.filter((p) => hexToRgb(p.color).every((c, i) => p.pixel[i]! >= c - 2));
    expect(lighter.length / inLeftOut.length).toBeGreaterThan(0.9);
    // The legend's swatch outline is the colour drawn.
    const line = await page.evaluate(() => String(window.__cakupan!.map.getPaintProperty("plan-reached", "line-color")));
    const swatch = await page.locator(".plan-swatch-reached").evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(swatch).toBe(`rgb(${hexToRgb(line).join(", ")})`);
    await page.close();
  });
});
