// Runs once before any test file:
// - builds the client if it is stale, so browser tests in parallel workers never run `vite build`
//   at the same time or serve a half-written client/dist (a failed build removes client/dist, so
//   the browser tests fail on their own while the rest still run);
// - seeds the demo once, for every test file that needs it to copy (see support/seeded.ts).
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ensureClientBuilt, ROOT } from "./browser/app.ts";
import { createSeededFixture } from "./support/seeded.ts";

export default async function setup(project: TestProject) {
  const build = ensureClientBuilt().catch((error: unknown) => {
    rmSync(join(ROOT, "client/dist"), { recursive: true, force: true });
    console.error(`The client did not build; the browser tests will fail: ${String(error)}`);
  });
  const seeded = await createSeededFixture();
  project.provide("seededFixture", seeded.fixture);
  await build;
  return () => seeded.remove();
}
