import { describe, expect, it } from "vitest";
import { newPage, screenshot, signIn, useBrowserApp, waitForPaint } from "./app.ts";

const app = useBrowserApp();

const int = (n: number) => new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 }).format(n);
/** Workers the money funds at the default premium (Rp16,800 a month for 12 months), written here. */
const workers = (rupiah: number) => Math.floor(rupiah / (16_800 * 12));

describe("funding scenarios in the planner", { timeout: 180_000 }, () => {
  it("saves two scenarios from the planner's scenarios tab and compares them side by side", async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/?view=planner&ptab=scenarios`);
    await waitForPaint(page);
    // Anonymous: asked to sign in, nothing listed.
    await expect.poll(() => page.locator("[data-needs-role=signed-in]").count()).toBe(1);

    await signIn(page, app.server.url); // an admin: saving needs one
    await page.goto(`${app.server.url}/?view=planner&ptab=scenarios`);
    await waitForPaint(page);
    expect(await page.locator("#planner-tab-scenarios").getAttribute("aria-selected")).toBe("true");
    const form = page.locator("form.scenario-form");
    const save = async (name: string, amounts: Record<string, string>) => {
      await form.locator("input[name=scenarioName]").fill(name);
      for (const source of ["DBHCHT", "APBD", "DANA_DESA", "SELF", "OTHER"])
        await form.locator(`input[name=amount-${source}]`).fill(amounts[source] ?? "");
      await form.getByRole("button", { name: "Simpan skenario" }).click();
      await expect.poll(() => page.locator(".funding-scenarios [role=status]").textContent()).toContain(name);
    };
    await save("2026 DBHCHT", { DBHCHT: "300.000.000" });
    await save("2026 DBHCHT + Dana Desa", { DBHCHT: "300.000.000", DANA_DESA: "100.000.000" });

    const items = page.locator(".funding-scenarios .saved-list li");
    await expect.poll(() => items.count()).toBe(2);
    await expect(page.locator(".scenario-compare").count()).resolves.toBe(0);
    for (const name of ["2026 DBHCHT", "2026 DBHCHT + Dana Desa"])
      await items
        .filter({ has: page.getByText(name, { exact: true }) })
        .locator("input[type=checkbox]")
        .check();
    const table = page.locator("table.scenario-compare");
    await expect.poll(() => table.count()).toBe(1);
    expect(await table.locator("thead th").allTextContents()).toEqual(["2026 DBHCHT + Dana Desa", "2026 DBHCHT"]);
    // New workers: each source's money over one worker's premium for the year (the demo has far more uncovered).
    expect(await table.locator("tr[data-row=newWorkers] td").allTextContents()).toEqual([
      int(workers(300_000_000) + workers(100_000_000)),
      int(workers(300_000_000)),
    ]);
    const funding = await table.locator("tr[data-row=funding] td").allTextContents();
    expect(funding[0]).toContain("Dana Desa");
    expect(funding[1]).not.toContain("Dana Desa");
    // The renewal side is the same in both: the same active workers.
    const renewal = await table.locator("tr[data-row=renewalCost] td").allTextContents();
    expect(renewal[0]).toBe(renewal[1]);
    await screenshot(page, "scenarios-compare");
    await page.close();
  });
});
