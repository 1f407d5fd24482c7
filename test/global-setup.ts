// Runs once before any test file: build the client if it is stale, so the browser tests in
// parallel workers never run `vite build` at the same time or serve a half-written client/dist.
import { ensureClientBuilt, hasChromium } from "./browser/app.ts";

export default function setup(): void {
  if (hasChromium) ensureClientBuilt();
}
