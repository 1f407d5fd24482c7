// `prisma generate` offline: the CLI only checks that a schema-engine binary
// exists (generate never runs it), so point it at this file when none is set.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync(process.execPath, [fileURLToPath(new URL("../node_modules/prisma/build/index.js", import.meta.url)), "generate"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
