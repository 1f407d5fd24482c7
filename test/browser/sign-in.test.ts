// Issue 15 in the browser: a planner signs in from the header, plans and saves inside its district,
// is refused outside it, and signs out (the planner then asks to sign in again).
import { describe, expect, it } from "vitest";
import { graphql, newPage, screenshot, useBrowserApp, waitForPaint } from "./app.ts";

const PLANNER = { login: "budi", password: "budi-password-2026", displayName: "Budi Santoso" };
const app = useBrowserApp({}, undefined, [{ ...PLANNER, role: "planner", regions: ["35.26.05"] }]);

describe("signing in as a planner", { timeout: 180_000 }, () => {
  it("plans and saves inside the planner's region, is refused outside it, and signs out", async () => {
    const page = await newPage(app.browser);
    await page.goto(`${app.server.url}/?view=planner&region=35.26.05`);
    await waitForPaint(page);
    // Anonymous: a viewer, who may not plan.
    await page.locator("[data-needs-role=plan]").waitFor();
    expect(await page.locator(".plan-site").count()).toBe(0);

    // Sign in with the keyboard: the header's button opens the form.
    const summary = page.locator("details.sign-in summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    await page.locator("input[name=login]").fill(PLANNER.login);
    await page.locator("input[name=password]").fill("a wrong password");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("details.sign-in [role=alert]").textContent()).toBe("Wrong login or password.");
    await page.locator("input[name=password]").fill(PLANNER.password);
    await page.keyboard.press("Enter");
    // Checking a password takes a deliberately slow hash: on a loaded machine, more than the default 30 s.
    await page.locator(`[data-signed-in="${PLANNER.login}"]`).waitFor({ timeout: 60_000 });
    expect(await page.locator(".sign-in.signed-in").textContent()).toContain("Budi Santoso (perencana)");
    expect(await page.evaluate(() => document.cookie)).toBe(""); // httpOnly: the page cannot read it

    // Inside the district: a plan, then saved under a name.
    await page.locator(".plan-site").first().waitFor({ timeout: 60_000 });
    await page.goto(`${app.server.url}/?view=planner&region=35.26.05&ptab=saved`);
    const form = page.locator(".saved-plans form");
    await form.locator("input[name=planName]").fill("Budi MT I");
    expect(await form.locator("input[name=adminToken]").count()).toBe(0); // the session is enough
    await expect.poll(() => form.locator("button[type=submit]").isEnabled(), { timeout: 60_000 }).toBe(true);
    await form.locator("button[type=submit]").click();
    await page.locator(".saved-plans [role=status]").waitFor({ timeout: 60_000 }); // the plan is made again to be saved
    const { outreachPlans } = await graphql<{ outreachPlans: { name: string; plan: { parameters: { regionCode: string } } }[] }>(
      app.server.url,
      `
        {
          outreachPlans {
            name
            plan {
              parameters {
                regionCode
              }
            }
          }
        }
      `,
    );
    expect(outreachPlans.map((p) => [p.name, p.plan.parameters.regionCode])).toContainEqual(["Budi MT I", "35.26.05"]);
    await screenshot(page, "sign-in-planner-saved");

    // Outside the district: refused, naming the region.
    await page.goto(`${app.server.url}/?view=planner&region=35.26.01`);
    await expect
      .poll(() => page.locator(".planner-panel [role=alert]").textContent(), { timeout: 60_000 })
      .toContain("region 35.26.01 is outside your regions (35.26.05)");
    expect(await page.locator(".plan-site").count()).toBe(0);

    // Sign out: a viewer again.
    await page.locator(".sign-in.signed-in button").click();
    await page.locator("details.sign-in summary").waitFor();
    await page.locator("[data-needs-role=plan]").waitFor();
    expect((await (await page.request.get(`${app.server.url}/auth/me`)).json()) as { signedIn: boolean }).toMatchObject({
      signedIn: false,
    });
  });
});
