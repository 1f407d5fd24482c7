// Browser-test helpers: build the client when stale, start the real server, drive Chromium.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, inject, onTestFinished } from "vitest";
import { openDatabase, type Database } from "../../server/db/database.ts";
import { seedTestDemo, TEST_NIK_KEY } from "../support/seeded.ts";
import { Accounts, type NewUser } from "../../server/people/accounts.ts";
import { freePort } from "../support/processes.ts";
import { CHROMIUM, hasChromium } from "../support/chromium.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const ARTIFACTS = join(ROOT, "test-artifacts");
const DIST = join(ROOT, "client/dist");

/** Gzipped size of the built JavaScript, MapLibre's own chunks left out. */
export function mainJsGzipBytes(): number {
  const assets = join(DIST, "assets");
  return readdirSync(assets)
    .filter((f) => /\.m?js$/.test(f) && !f.startsWith("maplibre"))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The real server on a free port, with a fresh temporary embedded database holding the run's
 * seeded demo (CAKUPAN_TEST_URL points the tests at a server that is already running instead).
 * `env` adds variables to the spawned server's environment (e.g. ADMIN_TOKEN). Throws, so the
 * browser test file fails, when Chromium is missing or the server does not start: browser tests
 * never skip themselves.
 */
export async function startTestServerForBrowser(
  env: NodeJS.ProcessEnv = {},
  prepare?: PrepareDatabase,
  accounts: NewUser[] = [],
): Promise<RunningServer> {
  if (!hasChromium) throw new Error(`browser tests need Chromium: none at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  if (process.env.CAKUPAN_TEST_URL) {
    return { url: process.env.CAKUPAN_TEST_URL.replace(/\/$/, ""), close: async () => {} };
  }
  return spawnServerForBrowserTests(env, prepare, accounts);
}

/** Loads the data of a browser test file into an empty, migrated embedded database (instead of the demo). */
export type PrepareDatabase = (db: Database) => Promise<void>;

/**
 * `tsx server/main.ts` on a free port with a fresh embedded database in a temporary folder (the
 * server seeds the demo into an empty one, as `npm start` does).
 */
async function spawnServerForBrowserTests(
  extraEnv: NodeJS.ProcessEnv = {},
  prepare?: PrepareDatabase,
  accounts: NewUser[] = [],
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "cakupan-browser-"));
  // Start from the run's seeded demo when it is an embedded snapshot (else the server seeds it),
  // or from what `prepare` loads.
  const fixture = inject("seededFixture");
  if (prepare) {
    const db = await openDatabase({ dataDir: join(dataDir, "pgdata") });
    try {
      await prepare(db);
    } finally {
      await db.close();
    }
  } else if (fixture?.kind === "embedded") {
    const db = await openDatabase({ dataDir: join(dataDir, "pgdata"), snapshot: new Blob([readFileSync(fixture.file)]) });
    await db.close();
  } else if (accounts.some((a) => a.regions?.length)) {
    // No snapshot to start from (the run's fixture is a server template): a planner's regions must
    // exist before the account is made, so the demo is seeded here rather than by the server.
    const db = await openDatabase({ dataDir: join(dataDir, "pgdata") });
    try {
      await seedTestDemo(db);
    } finally {
      await db.close();
    }
  }
  // The accounts the tests sign in with (an admin needs no regions, so also before the demo is seeded).
  const db = await openDatabase({ dataDir: join(dataDir, "pgdata") });
  try {
    const people = new Accounts(db);
    await people.add({ login: TEST_ADMIN.login, role: "admin", password: TEST_ADMIN.password, displayName: "Test Admin" });
    // Planners need the regions loaded: the demo snapshot, or what `prepare` loaded.
    for (const account of accounts) await people.add(account);
  } finally {
    await db.close();
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: join(dataDir, "pgdata"),
    LOG_LEVEL: "warn",
    // The seeded snapshot's NIKs were hashed with the tests' key: the server refuses any other.
    NIK_HASH_KEY: TEST_NIK_KEY,
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), "server/main.ts"], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode == null && child.pid) {
      const exited = new Promise((ok) => child.once("exit", ok));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode != null) break;
    try {
      await graphql(url, "{ __typename }");
      return { url, close };
    } catch {
      await new Promise((ok) => setTimeout(ok, 500));
    }
  }
  const exited = child.exitCode;
  await close();
  throw new Error(
    exited != null
      ? `the server exited with code ${exited} before answering on ${url} (its error output is above)`
      : `the server did not answer on ${url} within 3 minutes`,
  );
}

/** An admin account on every server the browser tests start (plans need a planner, analyst or admin). */
/** How long an export may take to download: a 3508×2480 map drawn by software WebGL takes 10 to 25 s on two busy cores. */
export const EXPORT_TIMEOUT = { timeout: 90_000 };

export const TEST_ADMIN = { login: "browser-admin", password: "browser-admin-password" };

/** Signs the page's browser context in (the session cookie is shared by its pages). */
export async function signIn(page: Page, url: string, account: { login: string; password: string } = TEST_ADMIN): Promise<void> {
  const response = await page.request.post(`${url}/auth/login`, { data: account });
  if (!response.ok()) throw new Error(`sign-in as ${account.login} failed: ${response.status()} ${await response.text()}`);
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A page on which any page error or request outside this machine fails the test that opened it
 * (the app must work offline: outside requests are also blocked). `options` as Browser.newPage's
 * (e.g. a phone's viewport and touch).
 */
export async function newPage(browser: Browser, options: Parameters<Browser["newPage"]>[0] = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, ...options });
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.route(/^(?!https?:\/\/(localhost|127\.0\.0\.1|\[::1\]))[a-z]+:\/\//, (route) => {
    const url = route.request().url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    problems.push(`request outside this machine: ${url}`);
    return route.abort();
  });
  onTestFinished(() => {
    if (problems.length) throw new Error(`the page had ${problems.length} problem(s):\n${problems.join("\n")}`);
  });
  return page;
}

/** Wait until the choropleth has been painted (window.__cakupan.ready) more than `after` times. */
export async function waitForPaint(page: Page, after = 0): Promise<number> {
  await page.waitForFunction(
    (n) => {
      const h = window.__cakupan;
      return h && h.ready && h.paints > n;
    },
    after,
    { timeout: 60_000 },
  );
  return page.evaluate(() => window.__cakupan!.paints);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

const adminCookies = new Map<string, Promise<string>>();

/** The session cookie of TEST_ADMIN on the server at `url` (signed in once per server). */
function adminCookie(url: string): Promise<string> {
  let cookie = adminCookies.get(url);
  if (!cookie) {
    cookie = fetch(`${url}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(TEST_ADMIN),
    }).then((r) => {
      if (!r.ok) throw new Error(`sign-in as ${TEST_ADMIN.login} failed: ${r.status}`);
      return r.headers.get("set-cookie")!.split(";")[0]!;
    });
    adminCookies.set(url, cookie);
  }
  return cookie;
}

/** A GraphQL answer from the server at `url`; `as: "admin"` signed in as TEST_ADMIN (plans need a planner, analyst or admin). */
export async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}, as?: "admin"): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(as === "admin" ? { cookie: await adminCookie(url) } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data!;
}

export interface ListedVillage {
  code: string;
  name: string;
  workforce: number;
}

/**
 * Every village inside `code` (null: all the data), farmers in the latest month, from the API's
 * paginated `coverage` (not the map's `mapValues`): what a browser test expects the screen to show.
 */
export async function villagesIn(url: string, code: string | null): Promise<ListedVillage[]> {
  const out: ListedVillage[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = { coverage: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ListedVillage }[] } };
    const { coverage }: Page = await graphql<Page>(
      url,
      `
        query ($c: String, $after: String) {
          coverage(level: VILLAGE, parentCode: $c, sector: FARMER, first: 500, after: $after) {
            pageInfo {
              hasNextPage
              endCursor
            }
            edges {
              node {
                code
                name
                workforce
              }
            }
          }
        }
      `,
      { c: code, after },
    );
    out.push(...coverage.edges.map((e) => e.node));
    if (!coverage.pageInfo.hasNextPage) return out;
    after = coverage.pageInfo.endCursor;
  }
}

export interface RenderedSample {
  /** distinct village codes drawn in the village-fill layer */
  codes: string[];
  /** grid points inside a village and under no region name: where, which village, its intended colour and the canvas pixel */
  points: { x: number; y: number; code: string; color: string; pixel: [number, number, number] }[];
}

/** Read the drawn villages and sample the canvas pixels on a grid (needs preserveDrawingBuffer). */
export function sampleMap(page: Page, grid = 28): Promise<RenderedSample> {
  return page.evaluate((grid) => {
    const map = window.__cakupan!.map;
    const canvas = map.getCanvas();
    const copy = document.createElement("canvas");
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext("2d")!;
    ctx.drawImage(canvas, 0, 0);
    const ratio = canvas.width / canvas.clientWidth;
    const codes = new Set(map.queryRenderedFeatures({ layers: ["village-fill"] }).map((f) => String(f.properties.code)));
    const points: RenderedSample["points"] = [];
    for (let i = 1; i < grid; i++) {
      for (let j = 1; j < grid; j++) {
        const x = (canvas.clientWidth * i) / grid,
          y = (canvas.clientHeight * j) / grid;
        const f = map.queryRenderedFeatures([x, y], { layers: ["village-fill"] })[0];
        // Region names are drawn over the colours on purpose: a point under one is not sampled.
        if (!f || map.queryRenderedFeatures([x, y], { layers: ["village-label", "district-label", "regency-label"] }).length) continue;
        const d = ctx.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
        // The colour the app gave the village: its feature state (values joined to the vector tiles by
        // code), or its property in a GeoJSON source.
        const color = String(f.state?.color ?? f.properties.color);
        points.push({ x, y, code: String(f.properties.code), color, pixel: [d[0]!, d[1]!, d[2]!] });
      }
    }
    return { codes: [...codes], points };
  }, grid);
}

/** Record the text and the filled boxes' colours drawn on any canvas of the page (the print sheets' inputs). */
export async function recordCanvasDrawing(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const drawn = { texts: [] as string[], boxes: [] as string[] };
    (window as unknown as { __drawn: typeof drawn }).__drawn = drawn;
    const { fillText, fillRect } = CanvasRenderingContext2D.prototype;
    CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
      drawn.texts.push(String(text));
      return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
    };
    CanvasRenderingContext2D.prototype.fillRect = function (x: number, y: number, w: number, h: number) {
      drawn.boxes.push(String(this.fillStyle).toLowerCase());
      return fillRect.call(this, x, y, w, h);
    };
  });
}

export const drawnOnCanvas = (page: Page) =>
  page.evaluate(() => (window as unknown as { __drawn: { texts: string[]; boxes: string[] } }).__drawn);

/** The legend as shown on screen: its classes' colours and labels. */
export const screenLegend = async (page: Page) => ({
  colors: await page.locator(".legend .legend-class").evaluateAll((els) => els.map((e) => e.getAttribute("data-color")!.toLowerCase())),
  labels: await page.locator(".legend .legend-class .range").allTextContents(),
});

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.replace("#", ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function colorDistance(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

/**
 * The app and Chromium for one test file: started before its tests, stopped after them. `prepare`
 * loads the file's own data into an empty database instead of the demo.
 */
export function useBrowserApp(
  env: NodeJS.ProcessEnv = {},
  prepare?: PrepareDatabase,
  accounts: NewUser[] = [],
): { readonly server: RunningServer; readonly browser: Browser } {
  const app = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    app.server = await startTestServerForBrowser(env, prepare, accounts);
    app.browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
