// Global setup of the integration and browser projects (the unit project has none):
// - seeds the demo once per run, for every test file that needs it to copy (see support/seeded.ts);
//   both projects share the one seeding (global setups run one after the other in the main process);
// - for the browser project, builds the client if it is stale, so browser tests in parallel workers
//   never run `vite build` at the same time or serve a half-written client/dist (a failed build
//   removes client/dist, so the browser tests fail on their own while the rest still run; without
//   Chromium they fail too, naming it).
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildClient, clientIsStale } from "../scripts/client-build.mjs";
import { createSeededFixture, type SeededFixture } from "./support/seeded.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** Run `vite build` when client/dist is missing or older than the client sources. */
async function ensureClientBuilt(): Promise<void> {
  if (clientIsStale(ROOT)) await buildClient(ROOT);
}

interface SharedSeed {
  fixture: Promise<{ fixture: SeededFixture; remove(): Promise<void> }>;
  users: number;
}
const shared = globalThis as typeof globalThis & { cakupanSeed?: SharedSeed };

export default async function setup(project: TestProject) {
  const build =
    project.name === "browser"
      ? ensureClientBuilt().catch((error: unknown) => {
          rmSync(join(ROOT, "client/dist"), { recursive: true, force: true });
          console.error(`The client did not build; the browser tests will fail: ${String(error)}`);
        })
      : Promise.resolve();
  const seed = (shared.cakupanSeed ??= { fixture: createSeededFixture(), users: 0 });
  seed.users++;
  const seeded = await seed.fixture;
  project.provide("seededFixture", seeded.fixture);
  await build;
  return async () => {
    if (--seed.users > 0) return;
    shared.cakupanSeed = undefined;
    await seeded.remove();
  };
}
