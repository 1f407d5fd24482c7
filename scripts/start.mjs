// `npm start`: generate the Prisma client and build the web client when missing or stale, then serve.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildClient, clientIsStale } from "./client-build.mjs";

const root = new URL("..", import.meta.url).pathname;
const run = (args, env = process.env) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (
  !existsSync(join(root, "server/generated/prisma/client.ts")) ||
  statSync(join(root, "prisma/schema.prisma")).mtimeMs > statSync(join(root, "server/generated/prisma/client.ts")).mtimeMs
) {
  run([join(root, "scripts/prisma-generate.mjs")]);
}
if (clientIsStale(root)) {
  console.log("Building the web client...");
  await buildClient(root).catch((error) => {
    console.error(String(error));
    process.exit(1);
  });
}
// Production mode unless told otherwise: graphql-js skips its development-only checks.
run([join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "server/main.ts")], { NODE_ENV: "production", ...process.env });
