// What planners and officials met on a close look at every screen (issue 13), on a server with no
// admin token (saving switched off).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { graphql, launchBrowser, newPage, startTestServerForBrowser, waitForPaint, type RunningServer } from "./app.ts";

const available = await startTestServerForBrowser().catch((e: unknown) => {
  console.log(`round-two browser tests: the server did not start: ${String(e)}`);
  return null;
});

let server: RunningServer;
let browser: Browser;

const pct = (r: number) =>
  new Intl.NumberFormat("id-ID", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r);
const rupiah = (n: number) => new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 }).format(n);

describe.skipIf(!available)("planners and officials, round two", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    server = available!;
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("reads a budget the way Indonesians write it, shows the amount read, and explains an empty plan", async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/?view=planner`);
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
      server.url,
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
    );
    expect(answer.sites).toHaveLength(0);
    expect(answer.candidateCount).toBeGreaterThan(0);
    const empty = page.locator(".no-sites");
    await empty.waitFor({ timeout: 60_000 });
    expect(await empty.getAttribute("data-reason")).toBe("BUDGET_SPENT");
    expect(await empty.textContent()).toContain(String(answer.candidateCount));
    expect(await empty.textContent()).toContain(rupiah(16_800 * 12));

    // In English the Indonesian way of writing is refused with a message, and the plan is not changed.
    await page.goto(`${server.url}/?view=planner&lang=en&pbudget=5000000`);
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
    const page = await newPage(browser);
    await page.goto(`${server.url}/`);
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
      server.url,
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
      server.url,
      "{ datasetInfo { mutationsEnabled } }",
    );
    expect(datasetInfo.mutationsEnabled).toBe(false);
    const page = await newPage(browser);
    await page.goto(`${server.url}/?view=planner&ptab=saved`);
    await waitForPaint(page);
    await page.locator("[data-saving=off]").waitFor();
    expect(await page.locator("[data-saving=off]").textContent()).toContain("ADMIN_TOKEN");
    expect(await page.locator("input[name=adminToken]").count()).toBe(0);
    expect(await page.getByRole("button", { name: /Simpan/ }).count()).toBe(0);

    // The plan tab links the field sheet of the plan on screen, saved or not.
    await page.getByRole("tab", { name: "Rencana", exact: true }).click();
    await page.locator(".plan-site").first().waitFor({ timeout: 60_000 });
    const names = await page.locator(".plan-site strong").allTextContents();
    const href = (await page.getByRole("link", { name: /Lembar lapangan/ }).getAttribute("href"))!;
    const res = await fetch(new URL(href, server.url));
    expect(res.status).toBe(200);
    const sheet = await res.text();
    expect(sheet.match(/<section class="sheet">/g)).toHaveLength(names.length);
    for (const name of names) expect(sheet).toContain(name);
    expect(sheet).toContain("belum disimpan");

    // A broken plan in the link gets one clear message.
    const bad = await fetch(`${server.url}/export/field-sheet?plan=${encodeURIComponent('{"sessions":0}')}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/sessions/);
    await page.close();
  });

  it("names fertilizer point kinds, scales the trend to the rates shown, and closes the village panel with Escape", async () => {
    // A village whose farmers are well covered but below 100% in every month.
    const { coverage } = await graphql<{ coverage: { edges: { node: { code: string } }[] } }>(
      server.url,
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
        server.url,
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
    const page = await newPage(browser);
    await page.goto(`${server.url}/?village=${village!.code}`);
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
    const page = await newPage(browser);
    await page.goto(`${server.url}/?metric=UNCOVERED`);
    await waitForPaint(page);
    expect(await page.locator("#ranking-title").textContent()).toBe("Desa dengan pekerja tanpa perlindungan terbanyak");

    // The table: reliable rates first, lowest coverage first, as the ranking (computed here from the API).
    const { coverage } = await graphql<{
      coverage: { edges: { node: { name: string; parentName: string; coverageRate: number | null; reliability: string } }[] };
    }>(
      server.url,
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
    );
    const nodes = coverage.edges.map((e) => e.node);
    const reliable = nodes.filter((n) => n.coverageRate != null && (n.reliability === "COUNT" || n.reliability === "ESTIMATE"));
    const lowest = reliable.reduce((a, b) => (b.coverageRate! < a.coverageRate! ? b : a));
    expect(nodes.some((n) => n.reliability === "SMALL_WORKFORCE" && n.coverageRate! < lowest.coverageRate!)).toBe(true);
    await page.goto(`${server.url}/?view=table`);
    const rows = page.locator(".coverage-table tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThan(250);
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
    await page.goto(`${server.url}/?view=planner`);
    await page.locator(".plan-coverage tbody tr").first().waitFor({ timeout: 60_000 });
    const labels = await page.locator(".plan-coverage tbody th").allTextContents();
    expect(labels).toContain("Kabupaten Bangkalan");
    expect(labels).toContain("Kecamatan Bangkalan");
    expect(labels.filter((l) => l === "Bangkalan")).toHaveLength(0);
    await page.close();
  });

  it("has MapLibre's zoom buttons and scale bar, labels villages close up, and shows a picked village within its district", async () => {
    const page = await newPage(browser);
    await page.goto(`${server.url}/`);
    await waitForPaint(page);
    expect(await page.locator(".maplibregl-ctrl-zoom-in").getAttribute("aria-label")).toBe("Perbesar");
    expect(await page.locator(".maplibregl-ctrl-scale").textContent()).toMatch(/^\d+\s?(m|km)$/);
    // Far out the names would be a blur: none.
    expect(await page.evaluate(() => window.__cakupan!.map.queryRenderedFeatures({ layers: ["village-label"] }).length)).toBe(0);

    // Pick a village by search: the map shows its whole district, not the village alone at zoom 12.5.
    const { coverage } = await graphql<{ coverage: { edges: { node: { code: string; name: string; parentCode: string } }[] } }>(
      server.url,
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
      server.url,
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
});
