// Runs once before any test file: build the client if it is stale, so the browser tests in
// parallel workers never run `vite build` at the same time or serve a half-written client/dist.
// A failed build does not stop the other tests: it removes client/dist, so the browser tests
// fail on their own (the server answers 503 "client not built") while the rest still run.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { ensureClientBuilt, hasChromium, ROOT } from "./browser/app.ts";

export default function setup(): void {
  if (!hasChromium) return;
  try {
    ensureClientBuilt();
  } catch (error) {
    rmSync(join(ROOT, "client/dist"), { recursive: true, force: true });
    console.error(`The client did not build; the browser tests will fail: ${String(error)}`);
  }
}
