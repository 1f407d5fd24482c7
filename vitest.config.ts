import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "client/src/**/*.test.ts", "client/src/**/*.test.tsx"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    maxWorkers: 2,
    server: { deps: { inline: ["type-graphql", "graphql-scalars", "@apollo/server", "graphql-query-complexity"] } },
  },
});
