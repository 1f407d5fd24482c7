// Cold load of the dashboard in Chromium: bytes over the wire until the choropleth is painted, as
// sent (with whatever compression the server applies) and as they would be gzipped, and the time
// to first paint of the map. Figures, not a test.
//   npm run bench:cold-load -- [--url http://127.0.0.1:4000]
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const url = arg("url", "http://127.0.0.1:4000").replace(/\/$/, "");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox"],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send("Network.enable");
await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
const wire = new Map<string, number>();
cdp.on("Network.loadingFinished", (e) => wire.set(e.requestId, e.encodedDataLength));
const bodies: { url: string; raw: number; gzip: number }[] = [];
page.on("response", async (res) => {
  try {
    const body = await res.body();
    bodies.push({ url: res.url(), raw: body.length, gzip: gzipSync(body).length });
  } catch {
    // redirects and aborted requests have no body
  }
});
const start = Date.now();
await page.goto(url);
await page.waitForFunction("window.__cakupan && window.__cakupan.ready && window.__cakupan.paints > 0", null, { timeout: 120_000 });
const painted = Date.now() - start;
await page.waitForLoadState("networkidle");
const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
const sum = (f: (b: (typeof bodies)[number]) => number) => bodies.reduce((a, b) => a + f(b), 0);
console.log(`requests: ${bodies.length}`);
console.log(`transferred as sent: ${kb([...wire.values()].reduce((a, b) => a + b, 0))}`);
console.log(`bodies uncompressed: ${kb(sum((b) => b.raw))}; gzipped: ${kb(sum((b) => b.gzip))}`);
for (const b of bodies.sort((x, y) => y.raw - x.raw).slice(0, 8))
  console.log(`  ${kb(b.raw).padStart(8)} (gzip ${kb(b.gzip)})  ${b.url.replace(url, "")}`);
console.log(`choropleth painted after ${painted} ms`);
await browser.close();
