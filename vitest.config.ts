import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// Three tiers, all run by `npm test` (`vitest run`); one alone with `--project <name>`:
// - unit: pure code (domain/, client/src/, test/unit/): no database, no browser, no global setup;
// - integration: test/*.test.ts on a real PostGIS (embedded, or TEST_DATABASE_URL), the demo seeded once;
// - browser: test/browser/ driving Chromium against the built client.
export default defineConfig({
  // One copy of graphql, the one Node loads for the app (CommonJS: graphql has no "exports" map),
  // also for the code vitest transforms: graphql-jit's compiled queries check types by class.
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }] },
  test: {
    testTimeout: 120_000,
    hookTimeout: 240_000,
    maxWorkers: 2,
    server: { deps: { inline: ["type-graphql", "graphql-scalars", "@apollo/server", "graphql-query-complexity"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["domain/**/*.test.ts", "client/src/**/*.test.{ts,tsx}", "test/unit/**/*.test.ts"],
        },
      },
      { extends: true, test: { name: "integration", include: ["test/*.test.ts"], globalSetup: ["test/global-setup.ts"] } },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          // A page on a busy 2-core machine: lazy chunks and map paints take seconds, not vitest's default 1 s.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
