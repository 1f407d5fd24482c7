import { describe, expect, it } from "vitest";
import { colorDistance, graphql, hexToRgb, newPage, sampleMap, screenshot, signIn, useBrowserApp, waitForPaint } from "./app.ts";

const app = useBrowserApp();

interface Village {
  code: string;
  name: string;
  workforce: number;
  reliability: string;
  endingSoon: number;
  lapsed: number;
}

const int = (n: number) => new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 }).format(n);

/** The ranking written here: reliable rates first, then the most first, then by name. */
function worstFirst(villages: Village[], key: "endingSoon" | "lapsed"): Village[] {
  const reliable = (v: Village) => v.reliability === "COUNT" || v.reliability === "ESTIMATE";
  return villages
    .filter((v) => v.workforce > 0 || v[key] > 0)
    .sort((a, b) => Number(reliable(b)) - Number(reliable(a)) || b[key] - a[key] || a.name.localeCompare(b.name));
}

describe("lapses and renewals in the browser", { timeout: 180_000 }, () => {
  it.each([
    ["ENDING_SOON", "endingSoon"],
    ["LAPSED", "lapsed"],
  ] as const)("colours the map by %s and ranks the villages by it, as the GraphQL answer says", async (metric, key) => {
    const { mapValues } = await graphql<{ mapValues: Village[] }>(
      app.server.url,
      `
        {
          mapValues(level: VILLAGE, sector: FARMER) {
            code
            name
            workforce
            reliability
            endingSoon
            lapsed
          }
        }
      `,
    );
    const expected = worstFirst(mapValues, key).slice(0, 10);
    expect(expected[0]![key]).toBeGreaterThan(expected[9]![key]);

    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/`);
    const paints = await waitForPaint(page);
    await page.selectOption("select[name=metric]", metric);
    await waitForPaint(page, paints);
    expect(page.url()).toContain(`metric=${metric}`);
    const ranking = page.locator(".ranking .rank-item");
    await expect
      .poll(async () => (await ranking.evaluateAll((els) => els.map((e) => e.getAttribute("data-code")))).slice(0, 10))
      .toEqual(expected.map((v) => v.code));
    const values = (await page.locator(".ranking .rank-value").allTextContents()).slice(0, 10);
    expect(values.map((v) => v.replace(" *", "").trim())).toEqual(expected.map((v) => int(v[key])));
    // The map paints the measure: the colours drawn are the classes the app gave the villages.
    const sample = await sampleMap(page);
    const matching = sample.points.filter((p) => colorDistance(p.pixel, hexToRgb(p.color)) < 12);
    expect(matching.length / sample.points.length).toBeGreaterThan(0.8);
    expect(new Set(matching.map((p) => p.color)).size).toBeGreaterThanOrEqual(3);
    await expect(page.locator(".legend").textContent()).resolves.toBeTruthy();
    await screenshot(page, `map-${metric.toLowerCase()}`);
    await page.close();
  });

  it("plans for lapsed workers from the planner form: the plan reaches the lapsed the GraphQL answer reaches", async () => {
    const page = await newPage(app.browser);
    await signIn(page, app.server.url); // plans need a planner, analyst or admin
    await page.goto(`${app.server.url}/?view=planner`);
    await waitForPaint(page);
    const form = page.locator("form.plan-form");
    expect(await form.locator("input[name=planTarget][value=UNCOVERED]").isChecked()).toBe(true);
    await form.locator("input[name=planTarget][value=LAPSED]").check();
    await form.locator("input[name=planTarget][value=UNCOVERED]").uncheck();
    await expect.poll(() => form.locator("input[name=from]").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await form.getByRole("button", { name: "Rencanakan" }).click();
    await expect.poll(() => page.url()).toContain("pt=LAPSED");
    const from = await form.locator("input[name=from]").inputValue();
    const to = await form.locator("input[name=to]").inputValue();
    const { outreachPlan } = await graphql<{ outreachPlan: { totals: { uncoveredReached: number }; sites: unknown[] } }>(
      app.server.url,
      `
        query ($input: PlanInput!) {
          outreachPlan(input: $input) {
            totals {
              uncoveredReached
            }
            sites {
              code
            }
          }
        }
      `,
      { input: { sectors: ["FARMER"], targets: ["LAPSED"], from, to } },
      "admin",
    );
    const { outreachPlan: uncovered } = await graphql<{ outreachPlan: { totals: { uncoveredReached: number } } }>(
      app.server.url,
      `
        query ($input: PlanInput!) {
          outreachPlan(input: $input) {
            totals {
              uncoveredReached
            }
          }
        }
      `,
      { input: { sectors: ["FARMER"], from, to } },
      "admin",
    );
    expect(outreachPlan.totals.uncoveredReached).toBeLessThan(uncovered.totals.uncoveredReached);
    await page.locator(`.map[data-plan-sites="${outreachPlan.sites.length}"]`).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.locator(".plan-totals [data-total=uncoveredReached] dd").first().textContent())
      .toContain(int(outreachPlan.totals.uncoveredReached));
    await page.close();
  });
});
