// Presentation mode on a projector's screen sizes, and the exports: PNG, PDF report, CSV link.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import {
  ARTIFACTS,
  colorDistance,
  drawnOnCanvas,
  graphql,
  hexToRgb,
  newPage,
  recordCanvasDrawing,
  screenLegend,
  screenshot,
  useBrowserApp,
  waitForPaint,
  EXPORT_TIMEOUT,
} from "./app.ts";
import { pngPixels, pngSize, textProblems } from "./layout.ts";

/** Pages of the running test, closed after it even when it fails (a left-over map would slow the next). */
const pages: Page[] = [];

async function open(): Promise<Page> {
  const page = await newPage(app.browser);
  pages.push(page);
  return page;
}

// Saving an outreach plan needs the admin token: the server started for this file gets this one.
const ADMIN_TOKEN = process.env.ADMIN_TOKEN ?? "presentation-test-admin";
const app = useBrowserApp({ ADMIN_TOKEN });

interface Summary {
  region: { name: string };
  enrolled: number;
  workforce: number;
  coverageRate: number;
  bySector: { sector: string; enrolled: number; workforce: number; coverageRate: number }[];
}

const SUMMARY = `query($c: String!, $s: Sector) {
  coverageSummary(code: $c) { region { name } enrolled workforce coverageRate bySector { sector enrolled workforce coverageRate } }
  coverage(level: DISTRICT, parentCode: $c, sector: $s, orderBy: COVERAGE_RATE, direction: ASC, first: 1) { edges { node { code } } }
}`;

/** What slides 2-5 show, asked of the API here: the series, the ranking and the lowest villages. */
const SLIDES = `query($c: String!, $scope: String!, $childLevel: RegionLevel!, $s: Sector) {
  all: coverageSeries(code: $c, months: 24) { period enrolled coverageRate }
  children: coverage(level: $childLevel, parentCode: $scope, sector: $s, orderBy: COVERAGE_RATE, direction: ASC, first: 500) {
    edges { node { code name coverageRate uncovered reliability } } }
  lowest: coverage(level: VILLAGE, parentCode: $scope, sector: $s, orderBy: COVERAGE_RATE, direction: ASC, first: 10, reliability: [COUNT, ESTIMATE]) {
    edges { node { code name coverageRate } } }
  sessions { id villageCode status startsOn endsOn }
}`;
interface Slides {
  all: { period: string; enrolled: number; coverageRate: number | null }[];
  children: { edges: { node: { code: string; name: string; coverageRate: number | null; uncovered: number; reliability: string } }[] };
  lowest: { edges: { node: { code: string; name: string; coverageRate: number | null } }[] };
  sessions: { id: number; villageCode: string | null; status: string; startsOn: string; endsOn: string | null }[];
}

/** What shows that each view has its data, in the order the views come. */
const VIEWS = [
  { kind: "headline", ready: ".big-number[data-figure=enrolled]" },
  { kind: "trend", ready: "svg.slide-chart .series path" },
  { kind: "ranking", ready: ".ranking-table tbody tr" },
  { kind: "map", ready: ".lowest-marker" },
  { kind: "outreach", ready: ".slide-table tbody tr, .slide-empty" },
  { kind: "achieved", ready: "[data-figure=sessionsHeld], .slide-empty" },
  { kind: "cost", ready: "[data-figure=renewalCost]" },
] as const;

const OUTCOMES_AND_COST = `query($c: String) {
  sessionOutcomes(regionCode: $c) { total { sessionsHeld attendance enrollmentsAttributed estimate } districts { code sessionsHeld enrollmentsAttributed } }
  fundingScenario(input: { regionCode: $c }) { renewal { active cost bySource { source active cost } } }
}`;
interface OutcomesAndCost {
  sessionOutcomes: {
    total: { sessionsHeld: number; attendance: number; enrollmentsAttributed: number; estimate: number | null };
    districts: { code: string; sessionsHeld: number; enrollmentsAttributed: number }[];
  };
  fundingScenario: { renewal: { active: number; cost: number; bySource: { source: string; active: number; cost: number }[] } };
}

const NEXT_KEYS = ["ArrowRight", "PageDown", "Space", "ArrowDown"];

function formats(lang: "id" | "en") {
  const locale = lang === "id" ? "id-ID" : "en-GB";
  return {
    rupiah: (n: number) => new Intl.NumberFormat(locale, { style: "currency", currency: "IDR", maximumFractionDigits: 0 }).format(n),
    // null: a count withheld by disclosure control (or a rate without workers), shown as a dash.
    int: (n: number | null) => (n == null ? "–" : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n)),
    pct: (r: number | null) =>
      r == null ? "–" : new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r),
  };
}

async function waitForView(page: Page, n: number): Promise<void> {
  const view = VIEWS[n - 1]!;
  await page.locator(`.presentation[data-slide-number="${n}"][data-slide="${view.kind}"]`).waitFor({ timeout: 30_000 });
  await page.locator(view.ready).first().waitFor({ timeout: 60_000 });
  if (view.kind === "map") await waitForPaint(page);
}

/** Slides 2-5 show the API's numbers: trend points, ranked rows, the lowest villages, the planned sessions. */
async function checkSlideNumbers(
  page: Page,
  kind: (typeof VIEWS)[number]["kind"],
  slides: Slides,
  code: string,
  f: ReturnType<typeof formats>,
) {
  if (kind === "trend") {
    // The "all sectors" line of each chart ends at the latest month's figure.
    const latest = slides.all.at(-1)!;
    const last = (chart: number) =>
      page.locator("svg.slide-chart").nth(chart).locator('.series[data-series="ALL"] circle title').last().textContent();
    await expect(last(0)).resolves.toMatch(new RegExp(`: ${f.int(latest.enrolled).replace(/\./g, "\\.")}$`));
    await expect(last(1)).resolves.toMatch(new RegExp(`: ${f.pct(latest.coverageRate!).replace(/[.,]/g, "\\$&")}$`));
    expect(await page.locator('svg.slide-chart >> nth=0 >> .series[data-series="ALL"] circle').count()).toBe(slides.all.length);
  }
  if (kind === "ranking") {
    const ranked = slides.children.edges
      .map((e) => e.node)
      .filter((r) => r.coverageRate != null || r.reliability === "SUPPRESSED")
      .slice(0, 20);
    const rows = await page.locator(".ranking-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        code: tr.getAttribute("data-code"),
        name: tr.querySelector("th")!.textContent,
        uncovered: tr.lastElementChild!.textContent,
      })),
    );
    expect(rows).toEqual(
      ranked.map((r) => ({
        code: r.code,
        name: r.name + (r.reliability === "SMALL_WORKFORCE" ? " *" : ""),
        uncovered: f.int(r.uncovered),
      })),
    );
  }
  if (kind === "achieved" || kind === "cost") {
    // What the sessions achieved and next year's cost: the API's figures for the region (a village's district).
    const scope = code.split(".").length === 4 ? code.split(".").slice(0, 3).join(".") : code;
    const o = await graphql<OutcomesAndCost>(app.server.url, OUTCOMES_AND_COST, { c: scope });
    if (kind === "achieved" && o.sessionOutcomes.total.sessionsHeld > 0) {
      await expect(page.locator("[data-figure=sessionsHeld]").textContent()).resolves.toBe(f.int(o.sessionOutcomes.total.sessionsHeld));
      await expect(page.locator("[data-figure=attributed]").textContent()).resolves.toBe(
        f.int(o.sessionOutcomes.total.enrollmentsAttributed),
      );
      const rows = await page
        .locator(".slide-table tbody tr")
        .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-code"), tr.children[1]!.textContent, tr.children[3]!.textContent]));
      expect(rows).toEqual(
        o.sessionOutcomes.districts.slice(0, 6).map((d) => [d.code, f.int(d.sessionsHeld), f.int(d.enrollmentsAttributed)]),
      );
    }
    if (kind === "cost") {
      const { renewal } = o.fundingScenario;
      expect(renewal.cost).toBe(renewal.active * 16_800 * 12);
      await expect(page.locator("[data-figure=renewalCost]").textContent()).resolves.toBe(f.rupiah(renewal.cost));
      const rows = await page
        .locator(".slide-table tbody tr")
        .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-source"), tr.children[1]!.textContent, tr.children[2]!.textContent]));
      expect(rows).toEqual(renewal.bySource.map((s) => [s.source, f.int(s.active), f.rupiah(s.cost)]));
    }
  }
  if (kind === "map") {
    const items = await page
      .locator(".lowest-list li")
      .evaluateAll((lis) => lis.map((li) => ({ code: li.getAttribute("data-code"), value: li.querySelector(".value")!.textContent })));
    expect(items).toEqual(slides.lowest.edges.map(({ node }) => ({ code: node.code, value: f.pct(node.coverageRate!) })));
    // Each is numbered on the map, in the same order.
    const markers = await page
      .locator(".lowest-marker")
      .evaluateAll((els) => els.map((el) => [el.getAttribute("data-code"), el.textContent]));
    expect(markers.sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual(items.map((item, i) => [item.code, String(i + 1)]));
  }
  if (kind === "outreach" && (await page.locator(".outreach-slide[data-plan]").count()) === 0) {
    // No saved plan for the region: its planned sessions, soonest first (the upcoming ones, else all planned).
    const region = code.split(".").length === 4 ? code.split(".").slice(0, 3).join(".") : code;
    const planned = slides.sessions
      .filter(
        (x) => x.status === "PLANNED" && x.villageCode != null && (x.villageCode === region || x.villageCode.startsWith(`${region}.`)),
      )
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || 0);
    const today = new Date().toISOString().slice(0, 10);
    const upcoming = planned.filter((x) => (x.endsOn ?? x.startsOn) >= today);
    const expected = (upcoming.length > 0 ? upcoming : planned).slice(0, 6).map((x) => String(x.id));
    const shown = await page.locator(".outreach-slide tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-session")));
    expect(shown).toEqual(expected);
    if (expected.length === 0) expect(await page.locator(".slide-empty").count()).toBe(1);
  }
}

/** Every view shows the sector of the view (`sector.code`, null = all sectors), and says which. */
async function presentAndStep(
  page: Page,
  size: { width: number; height: number },
  query: string,
  lang: "id" | "en",
  code: string,
  sector: { code: string | null; label: string },
) {
  await page.setViewportSize(size);
  await page.goto(`${app.server.url}/?present=1&region=${code}${query}`);
  const answer = await graphql<{ coverageSummary: Summary; coverage: { edges: { node: { code: string } }[] } }>(app.server.url, SUMMARY, {
    c: code,
    s: sector.code,
  });
  const all = answer.coverageSummary;
  const summary = sector.code ? all.bySector.find((b) => b.sector === sector.code)! : all;
  // A village is shown among its district's villages; a district with its villages; a regency with its districts.
  const level = code.split(".").length;
  const scope = level === 4 ? code.split(".").slice(0, 3).join(".") : code;
  const slides = await graphql<Slides>(app.server.url, SLIDES, {
    c: code,
    scope,
    childLevel: level === 2 ? "DISTRICT" : "VILLAGE",
    s: sector.code,
  });
  const f = formats(lang);
  for (let n = 1; n <= VIEWS.length; n++) {
    await waitForView(page, n);
    if (n === 1) {
      await expect(page.locator("[data-figure=enrolled]").textContent()).resolves.toBe(f.int(summary.enrolled));
      await expect(page.locator("[data-figure=coverageRate]").textContent()).resolves.toBe(f.pct(summary.coverageRate));
      await expect(page.locator(".slide-header").textContent()).resolves.toContain(all.region.name);
      await expect(page.locator(".slide-header [data-sector]").textContent()).resolves.toContain(sector.label);
      // Progress against the 50% target is the sector's: workers still to enrol, computed here.
      // A count withheld by disclosure control withholds what is still to enrol: a dash.
      const toEnrol = summary.enrolled == null ? null : Math.max(0, Math.ceil(0.5 * summary.workforce - summary.enrolled));
      const target = (await page.locator(".figure[data-figure=target] .figure-label").textContent())!;
      if (toEnrol == null) expect(target).toMatch(/^– /);
      else if (toEnrol > 0) expect(target).toContain(f.int(toEnrol));
      else expect(target.replace(f.pct(0.5), "")).not.toMatch(/\d{2,}/);
    }
    // The ranking starts with the sector's lowest-coverage district (a regency) or village (a district).
    if (VIEWS[n - 1]!.kind === "ranking" && code.split(".").length === 2) {
      await expect(page.locator(".ranking-table tbody tr").first().getAttribute("data-code")).resolves.toBe(
        answer.coverage.edges[0]!.node.code,
      );
    }
    await checkSlideNumbers(page, VIEWS[n - 1]!.kind, slides, code, f);
    await screenshot(page, `presentation-${size.width}x${size.height}-${n}-${VIEWS[n - 1]!.kind}`);
    expect(await textProblems(page, ".presentation"), `view ${n} (${VIEWS[n - 1]!.kind})`).toEqual([]);
    if (n < VIEWS.length) await page.keyboard.press(NEXT_KEYS[(n - 1) % NEXT_KEYS.length]!);
  }
  // Past the last view nothing moves; back, first and last jump; Escape leaves.
  await page.keyboard.press("PageDown");
  await page.locator(`.presentation[data-slide-number="${VIEWS.length}"]`).waitFor();
  expect(page.url()).toContain(`slide=${VIEWS.length}`);
  await page.keyboard.press("PageUp");
  await waitForView(page, VIEWS.length - 1);
  await page.keyboard.press("ArrowLeft");
  await waitForView(page, VIEWS.length - 2);
  await page.keyboard.press("Home");
  await waitForView(page, 1);
  await page.keyboard.press("End");
  await waitForView(page, VIEWS.length);
  await page.keyboard.press("Escape");
  await page.locator(".app .legend").waitFor();
  expect(await page.locator(".presentation").count()).toBe(0);
  expect(page.url()).not.toContain("present=1");
  expect(page.url()).toContain(`region=${code}`);
}

describe("Presentation mode and reports", { timeout: 180_000 }, () => {
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
  });

  it("shows the regency at 1280×720 without overflowing text and steps through every view with the keyboard", async () => {
    const page = await open();
    await presentAndStep(page, { width: 1280, height: 720 }, "", "id", "35.26", { code: "FARMER", label: "Petani" });
  });

  it("starts from a district at 1920×1080 in English, without overflowing text, and steps through every view", async () => {
    const page = await open();
    await presentAndStep(page, { width: 1920, height: 1080 }, "&lang=en&sector=ALL", "en", "35.26.15", {
      code: null,
      label: "All sectors",
    });
    await expect(page.locator(".app h1").textContent()).resolves.toContain("Social Protection");
  });

  it("starts from a village at 1280×720, its row marked among its district’s villages", async () => {
    const page = await open();
    const village = "35.26.01.1001";
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${app.server.url}/?present=1&slide=3&region=${village}`);
    await waitForView(page, 3);
    await expect(page.locator(".ranking-table tr.is-current").getAttribute("data-code")).resolves.toBe(village);
    await page.keyboard.press("Home");
    await presentAndStep(page, { width: 1280, height: 720 }, "&slide=1", "id", village, { code: "FARMER", label: "Petani" });
  });

  it("shows the newest saved outreach plan, site by site with its totals", async () => {
    const res = await fetch(`${app.server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        query: "mutation($n: String!) { savePlan(name: $n, input: { sessions: 8 }) { id plan { sites { name uncoveredReached } } } }",
        variables: { n: `Rencana uji ${Date.now()}` },
      }),
    });
    const body = (await res.json()) as {
      data: { savePlan: { id: number; plan: { sites: { name: string; uncoveredReached: number }[] } } };
    };
    const saved = body.data.savePlan;
    expect(saved.plan.sites.length).toBeGreaterThan(0);
    const page = await open();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${app.server.url}/?present=1&slide=5`);
    const view = page.locator(`.outreach-slide[data-plan="${saved.id}"]`);
    await view.waitFor({ timeout: 30_000 });
    await expect(view.locator("tbody tr th").first().textContent()).resolves.toContain(saved.plan.sites[0]!.name);
    const reached = saved.plan.sites.reduce((a, s) => a + s.uncoveredReached, 0);
    await expect(view.locator("tfoot").textContent()).resolves.toContain(formats("id").int(reached));
    await screenshot(page, "presentation-1280x720-outreach-plan");
    expect(await textProblems(page, ".presentation")).toEqual([]);
  });

  it("enters presentation mode from the dashboard button and leaves it with Escape", async () => {
    const page = await open();
    await page.goto(`${app.server.url}/`);
    await waitForPaint(page);
    await page.getByRole("button", { name: "Presentasi", exact: true }).click();
    await waitForView(page, 1);
    expect(page.url()).toContain("present=1");
    await page.keyboard.press("Escape");
    await page.locator(".app .legend").waitFor();
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  });

  it("exports the current map as a print-resolution PNG with the map, title, legend, scale bar and sources drawn in it", async () => {
    const page = await open();
    await recordCanvasDrawing(page);
    await page.goto(`${app.server.url}/`);
    await waitForPaint(page);
    const legendColors = await page.locator(".legend .legend-class").evaluateAll((els) => els.map((e) => e.getAttribute("data-color")!));
    const legendLabels = await page.locator(".legend .legend-class .range").allTextContents();
    const viewport = page.viewportSize()!;
    const [file] = await Promise.all([page.waitForEvent("download", EXPORT_TIMEOUT), page.click("button[name=export-png]")]);
    await file.saveAs(join(ARTIFACTS, "export-map.png"));
    const png = readFileSync((await file.path())!);
    const size = pngSize(png);
    expect(size).toEqual({ width: 3508, height: 2480 });
    expect(size.width).toBeGreaterThanOrEqual(2 * viewport.width);
    // Marked as 300 dpi (pHYs: pixels per metre), so A4 it prints.
    expect(png.toString("latin1", 37, 41)).toBe("pHYs");
    expect(png.readUInt32BE(41)).toBe(Math.round(300 / 0.0254));
    // Decode it in the page: a large part of the sheet must carry the legend's colours.
    const pixels = await pngPixels(page, png, 351, 248, 7);
    const matching = pixels.filter((p) => legendColors.some((c) => colorDistance(p, hexToRgb(c)) < 20));
    expect(matching.length / pixels.length).toBeGreaterThan(0.15);
    expect(new Set(matching.map((p) => legendColors.find((c) => colorDistance(p, hexToRgb(c)) < 20))).size).toBeGreaterThanOrEqual(3);
    // What the sheet drew: title, subtitle, legend (heading, every class's label and colour), scale bar, date and sources.
    const drawn = await drawnOnCanvas(page);
    const { datasetInfo: info } = await graphql<{
      datasetInfo: { regencyName: string; latestPeriod: string; synthetic: boolean; boundariesSynthetic: boolean; boundarySource: string };
    }>(app.server.url, "{ datasetInfo { regencyName latestPeriod synthetic boundariesSynthetic boundarySource } }");
    expect(drawn.texts).toContain(`Tingkat kepesertaan · Kabupaten ${info.regencyName}`);
    const [y, m] = info.latestPeriod.split("-").map(Number);
    const period = new Intl.DateTimeFormat("id-ID", { month: "short", year: "numeric", timeZone: "UTC" }).format(
      new Date(Date.UTC(y!, m! - 1, 1)),
    );
    expect(drawn.texts).toContain(`Petani · ${period}`);
    expect(drawn.texts).toEqual(
      expect.arrayContaining(["Tingkat kepesertaan", "Petani", ...legendLabels, "Tidak ada data (tidak ada pekerja)", "Batas kecamatan"]),
    );
    expect(drawn.boxes).toEqual(expect.arrayContaining(legendColors.map((c) => c.toLowerCase())));
    expect(drawn.texts).toContain("0");
    expect(
      drawn.texts.some((t) => /^\d[\d.,]* (m|km)$/.test(t)),
      "a scale bar label",
    ).toBe(true);
    expect(drawn.texts).toContain("U");
    const today = new Intl.DateTimeFormat("id-ID", { dateStyle: "medium", timeZone: "UTC" }).format(new Date());
    expect(drawn.texts).toContain(`Dibuat ${today}`);
    expect(info.synthetic).toBe(true);
    expect(drawn.texts).toContain("Angka pekerja sintetis (demo), bukan data resmi");
    expect(drawn.texts).toContain(`Batas wilayah: ${info.boundarySource.split(/[\\/]/).pop()}`);
  });

  it("titles the map PNG with the district viewed, or a village's district", async () => {
    const district = "35.26.15";
    const { region } = await graphql<{ region: { name: string; children: { code: string }[] } }>(
      app.server.url,
      "query($c: String!) { region(code: $c) { name children { code } } }",
      { c: district },
    );
    for (const chosen of [district, region.children[0]!.code]) {
      const page = await open();
      await recordCanvasDrawing(page);
      await page.goto(`${app.server.url}/?region=${chosen}`);
      await waitForPaint(page);
      await Promise.all([page.waitForEvent("download", EXPORT_TIMEOUT), page.click("button[name=export-png]")]);
      const drawn = await drawnOnCanvas(page);
      expect(drawn.texts, chosen).toContain(`Tingkat kepesertaan · Kecamatan ${region.name}`);
    }
  }, 240_000);

  it("exports a PDF report of a district with the headline numbers shown on screen, and the sessions' outcomes and next year's cost on page 2", async () => {
    const code = "35.26.15";
    const page = await open();
    await recordCanvasDrawing(page);
    await page.goto(`${app.server.url}/?present=1&region=${code}`);
    await waitForView(page, 1);
    const shown = {
      enrolled: (await page.locator("[data-figure=enrolled]").textContent())!,
      coverageRate: (await page.locator("[data-figure=coverageRate]").textContent())!,
    };
    await page.keyboard.press("Escape");
    await waitForPaint(page);
    const legend = await screenLegend(page);
    const [file] = await Promise.all([page.waitForEvent("download", EXPORT_TIMEOUT), page.click("button[name=export-pdf]")]);
    const path = (await file.path())!;
    await file.saveAs(join(ARTIFACTS, "export-report.pdf"));
    const pdf = readFileSync(path);
    expect(pdf.toString("latin1", 0, 5)).toBe("%PDF-");
    expect(pdf.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
    const text = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" });
    const pages = text.split("\f").filter((p) => p.trim());
    expect(pages.length).toBe(2);
    const { region } = await graphql<{ region: { name: string } }>(app.server.url, "query($c: String!) { region(code: $c) { name } }", {
      c: code,
    });
    expect(text).toContain(`Kecamatan ${region.name}`);
    expect(text).toContain(shown.enrolled);
    expect(text).toContain(shown.coverageRate);
    // The report is about the view's sector (farmers by default) throughout, and says so.
    expect(text).toContain("Sektor: Petani");
    type Row = { name: string; parentName: string; workforce: number; enrolled: number; coverageRate: number; uncovered: number };
    const lowest = await graphql<{ coverage: { edges: { node: Row }[] } }>(
      app.server.url,
      "query($c: String) { coverage(level: VILLAGE, parentCode: $c, sector: FARMER, orderBy: COVERAGE_RATE, direction: ASC, first: 10, reliability: [COUNT, ESTIMATE]) { edges { node { name parentName workforce enrolled coverageRate uncovered } } } }",
      { c: code },
    );
    // The ten lowest-coverage villages, in order, each line with the API's numbers.
    expect(lowest.coverage.edges).toHaveLength(10);
    const table = text.slice(text.lastIndexOf("Petani")).split("\n");
    const f = formats("id");
    const lines = lowest.coverage.edges.map(({ node: v }, i) => {
      const line = table.find((l) => l.trim().startsWith(`${i + 1} `) && l.includes(v.name));
      expect(line, `row ${i + 1}: ${v.name}`).toBeDefined();
      const numbers = [f.int(v.workforce), f.int(v.enrolled), f.pct(v.coverageRate), f.int(v.uncovered)];
      const escaped = numbers.map((n) => n.replace(/[.,%]/g, "\\$&"));
      expect(line!.trim(), `row ${i + 1}`).toMatch(new RegExp(`\\s${escaped.join("\\s+")}$`));
      expect(line).toContain(v.parentName);
      return table.indexOf(line!);
    });
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    // The map's legend, drawn into the report's map: every class's label and colour, and its heading.
    const drawn = await drawnOnCanvas(page);
    expect(drawn.texts).toEqual(expect.arrayContaining(["Tingkat kepesertaan", "Petani", ...legend.labels]));
    expect(drawn.boxes).toEqual(expect.arrayContaining(legend.colors));
    // Each table row's number is written on the map too, so a row can be found among the shapes.
    expect(drawn.texts).toEqual(expect.arrayContaining(lowest.coverage.edges.map((_, i) => String(i + 1))));
    const info = await graphql<{ datasetInfo: { synthetic: boolean } }>(app.server.url, "{ datasetInfo { synthetic } }");
    expect(text.includes("sintetis")).toBe(info.datasetInfo.synthetic);
    // Page 2: what the sessions achieved and next year's cost, the API's figures.
    const o = await graphql<OutcomesAndCost>(app.server.url, OUTCOMES_AND_COST, { c: code });
    expect(pages[1]).toContain("Hasil sosialisasi");
    expect(pages[1]).toContain(
      `${f.int(o.sessionOutcomes.total.sessionsHeld)} sosialisasi dilaksanakan, ${f.int(o.sessionOutcomes.total.attendance)} hadir`,
    );
    expect(pages[1]).toContain("Biaya tahun depan");
    const rupiah = (n: number) => f.rupiah(n).replace(/\u00a0/g, " ");
    expect(pages[1]).toContain(
      `${rupiah(o.fundingScenario.renewal.cost)} untuk memperpanjang ${f.int(o.fundingScenario.renewal.active)} peserta aktif`,
    );
    for (const s of o.fundingScenario.renewal.bySource)
      expect(pages[1]).toMatch(new RegExp(`${f.int(s.active).replace(/\./g, "\\.")}\\s+${rupiah(s.cost).replace(/[.]/g, "\\.")}`));
  });

  it("links the tables as CSV to the server export with the view’s arguments", async () => {
    const code = "35.26.15";
    const page = await open();
    await page.goto(`${app.server.url}/?sector=FARMER&region=${code}`);
    await waitForPaint(page);
    const href = (await page.getByRole("link", { name: "CSV desa" }).getAttribute("href"))!;
    const res = await fetch(new URL(href, app.server.url));
    expect(res.status).toBe(200);
    const [header, ...rows] = (await res.text()).trim().split("\n");
    expect(header!.split(",").slice(0, 3)).toEqual(["code", "name", "level"]);
    const count = await graphql<{ coverage: { totalCount: number } }>(
      app.server.url,
      "query($c: String) { coverage(level: VILLAGE, parentCode: $c, sector: FARMER) { totalCount } }",
      { c: code },
    );
    expect(rows.length).toBe(count.coverage.totalCount);
    expect(rows.every((r) => r.startsWith(`${code}.`))).toBe(true);
  });
});
