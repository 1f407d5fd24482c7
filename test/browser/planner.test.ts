import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ARTIFACTS,
  colorDistance,
  graphql,
  hexToRgb,
  newPage,
  screenshot,
  signIn,
  useBrowserApp,
  waitForPaint,
  EXPORT_TIMEOUT,
} from "./app.ts";
import { pngPixels, pngSize } from "./layout.ts";
import { PLAN_REACHED_LINE } from "../../client/src/map/layers.ts";

const ADMIN_TOKEN = "planner-browser-test-token";

// An analyst may plan but not save: saving asks for the admin token (the bootstrap ADMIN_TOKEN).
const ANALYST = { login: "ana", password: "analyst-password-1" };
// The analyst sees unsuppressed counts here, as the admin the expected GraphQL answers are asked as does.
const app = useBrowserApp({ ADMIN_TOKEN, ANALYSTS_SEE_UNSUPPRESSED: "true" }, undefined, [{ ...ANALYST, role: "analyst" }]);

/** A page signed in as the analyst. */
async function analystPage(): Promise<Page> {
  const page = await newPage(app.browser);
  await signIn(page, app.server.url, ANALYST);
  return page;
}

interface Answer {
  outreachPlan: {
    stopReason: string;
    parameters: { from: string | null; to: string | null };
    totals: { uncoveredReached: number; expectedEnrollments: number; premiumCost: number; budgetRemaining: number | null };
    sites: { order: number; code: string; name: string; villages: { code: string }[] }[];
    villagesLeftOut: { code: string }[];
  };
}

const PLAN = `query($input: PlanInput!) { outreachPlan(input: $input) {
  stopReason parameters { from to }
  totals { uncoveredReached expectedEnrollments premiumCost budgetRemaining }
  sites { order code name villages { code } }
  villagesLeftOut { code }
} }`;

const int = (n: number) => new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 }).format(n);
const rupiah = (n: number) => new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 }).format(n);

/** Open the planner, set sessions, distance and budget, plan, and wait for the map to draw the sites. */
async function plan(page: Page, { sessions, km, budget }: { sessions: number; km: number; budget?: number }) {
  await page.goto(`${app.server.url}/?view=planner`);
  await waitForPaint(page);
  const form = page.locator("form.plan-form");
  await form.locator("input[name=planSector][value=FARMER]").check();
  await form.locator("input[name=planSector][value=LIVESTOCK]").uncheck();
  await form.locator("input[name=planSector][value=FISHER]").uncheck();
  await form.locator("input[name=sessions]").fill(String(sessions));
  await form.locator("input[name=maxDistanceKm]").fill(String(km));
  await form.locator("input[name=budget]").fill(budget == null ? "" : String(budget));
  // The default window comes from the distribution schedules once they are loaded.
  await expect.poll(() => form.locator("input[name=from]").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await form.getByRole("button", { name: "Rencanakan" }).click();
  const from = await form.locator("input[name=from]").inputValue();
  const to = await form.locator("input[name=to]").inputValue();
  const input = { sectors: ["FARMER"], sessions, maxDistanceKm: km, from, to, ...(budget == null ? {} : { budget }) };
  const answer = (await graphql<Answer>(app.server.url, PLAN, { input }, "admin")).outreachPlan;
  await page.locator(`.map[data-plan-sites="${answer.sites.length}"]`).waitFor({ timeout: 60_000 });
  await expect.poll(() => page.locator(".plan-site").count()).toBe(answer.sites.length);
  return { answer, from, to };
}

function rendered(page: Page, layer: string) {
  return page.evaluate(
    (layer) =>
      window
        .__cakupan!.map.queryRenderedFeatures({ layers: [layer] })
        .map((f) => ({ code: String(f.properties.code), order: f.properties.order as number | null })),
    layer,
  );
}

const totalText = (page: Page, key: string) => page.locator(`.plan-totals [data-total=${key}] dd`).first().textContent();

describe("the outreach planner in the browser", { timeout: 180_000 }, () => {
  it("plans 5 sessions for farmers within 5 km and draws them on the map with the totals of the GraphQL answer", async () => {
    const page = await analystPage();
    const { answer, from, to } = await plan(page, { sessions: 5, km: 5 });
    expect(from < to).toBe(true);
    expect(answer.sites).toHaveLength(5);
    expect(answer.stopReason).toBe("SESSIONS_REACHED");
    expect(answer.totals.uncoveredReached).toBeGreaterThan(0);

    // The totals shown are the answer's, in id-ID formatting.
    expect(await totalText(page, "sites")).toBe("5");
    expect(await totalText(page, "uncoveredReached")).toContain(int(answer.totals.uncoveredReached));
    expect(await totalText(page, "expectedEnrollments")).toBe(int(answer.totals.expectedEnrollments));
    expect(await totalText(page, "premiumCost")).toBe(rupiah(answer.totals.premiumCost));
    expect(await page.locator(".stop-reason").getAttribute("data-reason")).toBe("SESSIONS_REACHED");
    expect(await page.locator(".plan-site strong").allTextContents()).toEqual(answer.sites.map((s) => s.name));

    // The map: five numbered sites, their travel circles, the reached villages and those left out.
    const sites = await rendered(page, "plan-sites");
    expect(new Set(sites.map((s) => s.order))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(new Set(sites.map((s) => s.code))).toEqual(new Set(answer.sites.map((s) => s.code)));
    expect(new Set((await rendered(page, "plan-reach")).map((s) => s.order))).toEqual(new Set([1, 2, 3, 4, 5]));
    const reached = new Set(answer.sites.flatMap((s) => s.villages.map((v) => v.code)));
    expect(reached.size).toBeGreaterThan(5);
    expect(new Set((await rendered(page, "plan-reached")).map((f) => f.code))).toEqual(reached);
    expect(new Set((await rendered(page, "plan-left-out")).map((f) => f.code))).toEqual(new Set(answer.villagesLeftOut.map((v) => v.code)));
    expect(await page.locator(".plan-site-number").allTextContents()).toEqual(["1", "2", "3", "4", "5"]);
    expect(page.url()).toContain("view=planner");
    await screenshot(page, "planner-5-sessions");

    // A shared link gives the same plan.
    const other = await analystPage();
    await other.goto(page.url());
    await other.locator('.map[data-plan-sites="5"]').waitFor({ timeout: 60_000 });
    expect(await totalText(other, "expectedEnrollments")).toBe(int(answer.totals.expectedEnrollments));
    await other.close();
    await page.close();
  });

  it("stops when the budget is spent and shows what is left of it", async () => {
    const page = await analystPage();
    const unlimited = (
      await graphql<Answer>(app.server.url, PLAN, { input: { sectors: ["FARMER"], sessions: 5, maxDistanceKm: 5 } }, "admin")
    ).outreachPlan;
    // Enough for about two of the five sessions.
    const budget = Math.round(unlimited.totals.premiumCost * 0.4);
    const { answer } = await plan(page, { sessions: 5, km: 5, budget });
    expect(answer.stopReason).toBe("BUDGET_SPENT");
    expect(answer.sites.length).toBeLessThan(5);
    expect(await page.locator(".stop-reason").getAttribute("data-reason")).toBe("BUDGET_SPENT");
    expect(await totalText(page, "premiumCost")).toBe(rupiah(answer.totals.premiumCost));
    expect(await totalText(page, "budgetRemaining")).toBe(rupiah(answer.totals.budgetRemaining!));
    const meter = page.locator(".plan-results > .cost-bar");
    expect(Number(await meter.getAttribute("aria-valuemax"))).toBe(budget);
    expect(Number(await meter.getAttribute("aria-valuenow"))).toBe(answer.totals.premiumCost);
    expect(page.url()).toContain(`pbudget=${budget}`);
    await page.close();
  });

  it("shows the budget view under each rule with the coverage by sector of the GraphQL answer", async () => {
    const page = await analystPage();
    await page.goto(`${app.server.url}/?view=planner&ps=FARMER,LIVESTOCK&lang=en`);
    await waitForPaint(page);
    // The tabs work from the keyboard.
    await page.getByRole("tab", { name: "Plan", exact: true }).focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).toContain("ptab=budget");
    expect(await page.getByRole("tab", { name: "Budget" }).getAttribute("aria-selected")).toBe("true");
    await page.locator("input[name=budgetView]").fill("500000000");
    await page.getByRole("button", { name: "Calculate" }).click();
    const query = `query($input: BudgetInput!) { budgetView(input: $input) {
      funded allocations { villageCode } coverageBySector { sector rateAfter } } }`;
    const firsts = new Set<string>();
    for (const rule of ["LARGEST_UNCOVERED", "LOWEST_RATE", "EQUAL_PER_DISTRICT"]) {
      await page.selectOption("select[name=rule]", rule);
      const { budgetView: view } = await graphql<{
        budgetView: { funded: number; allocations: { villageCode: string }[]; coverageBySector: { sector: string; rateAfter: number }[] };
      }>(app.server.url, query, { input: { budget: 500_000_000, rule, sectors: ["FARMER", "LIVESTOCK"] } }, "admin");
      const en = new Intl.NumberFormat("en-GB", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
      await expect
        .poll(() => page.locator(".budget-panel [data-total=funded] dd").textContent())
        .toBe(new Intl.NumberFormat("en-GB").format(view.funded));
      expect(await page.locator(".budget-panel tr[data-sector]").count()).toBe(view.coverageBySector.length);
      for (const s of view.coverageBySector) {
        expect(await page.locator(`.budget-panel tr[data-sector=${s.sector}] td`).nth(1).textContent()).toBe(en.format(s.rateAfter));
      }
      await expect.poll(() => page.locator(".allocations li button").first().textContent()).toBeTruthy();
      firsts.add(
        view.allocations
          .slice(0, 5)
          .map((a) => a.villageCode)
          .join(),
      );
      expect(page.url()).toContain(rule === "LARGEST_UNCOVERED" ? "ptab=budget" : `prule=${rule}`);
    }
    // The rules fund different villages first.
    expect(firsts.size).toBeGreaterThan(1);
    await screenshot(page, "planner-budget");
    await page.close();
  });

  it("saves plans with the admin token (signed in as an analyst), compares them, turns one into sessions and links its exports", async () => {
    const page = await analystPage();
    // Unique names, so a server used before (CAKUPAN_TEST_URL) cannot answer for this run.
    const [four, six] = [`Uji 4 sesi ${Date.now()}`, `Uji 6 sesi ${Date.now()}`];
    await plan(page, { sessions: 4, km: 3 });
    await page.getByRole("tab", { name: "Rencana tersimpan" }).click();
    const saved = page.locator(".saved-plans");
    await saved.locator("input[name=planName]").fill(four);
    await saved.locator("input[name=adminToken]").fill("wrong-token-wrong-token");
    await saved.getByRole("button", { name: "Simpan rencana saat ini" }).click();
    await expect.poll(() => saved.locator("[role=alert]").textContent()).toContain("ditolak");

    await saved.locator("input[name=adminToken]").fill(ADMIN_TOKEN);
    await saved.getByRole("button", { name: "Simpan rencana saat ini" }).click();
    await saved.locator(".saved-list li", { hasText: four }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem("cakupan.adminToken"))).toBe(ADMIN_TOKEN);
    expect(page.url()).not.toContain(ADMIN_TOKEN);

    // A second plan, saved with the token the tab remembers.
    await page.getByRole("tab", { name: "Rencana", exact: true }).click();
    await page.locator("form.plan-form input[name=sessions]").fill("6");
    await page.getByRole("button", { name: "Rencanakan" }).click();
    await page.locator('.map[data-plan-sites="6"]').waitFor({ timeout: 60_000 });
    await page.getByRole("tab", { name: "Rencana tersimpan" }).click();
    expect(await saved.locator("input[name=adminToken]").count()).toBe(0);
    await saved.locator("input[name=planName]").fill(six);
    await saved.getByRole("button", { name: "Simpan rencana saat ini" }).click();
    await saved.locator(".saved-list li", { hasText: six }).waitFor();

    const { outreachPlans } = await graphql<{
      outreachPlans: {
        id: number;
        name: string;
        plan: { sites: unknown[]; totals: { expectedEnrollments: number; premiumCost: number } };
      }[];
    }>(app.server.url, "{ outreachPlans { id name plan { sites { order } totals { expectedEnrollments premiumCost } } } }");
    const mine = [four, six].map((n) => outreachPlans.find((p) => p.name === n)!);
    expect(mine.map((p) => p.plan.sites.length)).toEqual([4, 6]);
    for (const p of mine) await saved.locator(`.saved-list li[data-plan="${p.id}"] input[name=compare]`).check();
    const table = saved.locator("table.plan-compare");
    expect(await table.locator("thead th").allTextContents()).toEqual(expect.arrayContaining(mine.map((p) => p.name)));
    const cells = await table.locator("tr[data-row=expectedEnrollments] td").allTextContents();
    const order = await table.locator("thead th").evaluateAll((ths) => ths.map((th) => Number(th.getAttribute("data-plan"))));
    expect(cells).toEqual(order.map((id) => int(mine.find((p) => p.id === id)!.plan.totals.expectedEnrollments)));
    expect(page.url()).toMatch(/pcmp=\d+(%2C|,)\d+/);
    await screenshot(page, "planner-compare");

    const plannedCount = async () =>
      (await graphql<{ sessions: { status: string }[] }>(app.server.url, "{ sessions { status } }")).sessions.filter(
        (s) => s.status === "PLANNED",
      ).length;
    const before = await plannedCount();
    const item = saved.locator(`.saved-list li[data-plan="${mine[0]!.id}"]`);
    await item.getByRole("button", { name: "Jadikan sesi" }).click();
    await expect.poll(() => item.locator(".sessions-made").textContent()).toContain("4");
    expect(await plannedCount()).toBe(before + 4);

    const csv = await page.request.get(new URL((await item.getByRole("link", { name: "CSV" }).getAttribute("href"))!, app.server.url).href);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(",");
    const sheet = await page.request.get(
      new URL((await item.getByRole("link", { name: "Lembar lapangan" }).getAttribute("href"))!, app.server.url).href,
    );
    expect(sheet.status()).toBe(200);
    await page.close();
  });

  it("exports the planner view's map as the 300 dpi PNG with the plan drawn on it", async () => {
    const page = await analystPage();
    await plan(page, { sessions: 5, km: 5 });
    const button = page.locator("button[name=export-png]");
    expect(await button.isEnabled()).toBe(true);
    const [file] = await Promise.all([page.waitForEvent("download", EXPORT_TIMEOUT), button.click()]);
    await file.saveAs(join(ARTIFACTS, "export-planner-map.png"));
    const png = readFileSync((await file.path())!);
    expect(pngSize(png)).toEqual({ width: 3508, height: 2480 });
    // The share of the sheet's pixels in the plan's blue (sites, travel circles, reached villages), at a third of its size.
    const blue = hexToRgb(PLAN_REACHED_LINE);
    const pixels = await pngPixels(page, png, 1169, 827, 2);
    const share = pixels.filter((p) => colorDistance(p, blue) < 40).length / pixels.length;
    // Five sites' circles, five travel circles and the outlines of the reached villages: well over 0.2% of the sheet.
    expect(share).toBeGreaterThan(0.002);
  });
});
