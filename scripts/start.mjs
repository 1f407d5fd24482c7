// `npm start`: generate the Prisma client and build the web client when missing or stale, then serve.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((t, d) => {
    const p = join(dir, d.name);
    if (d.name === "dist" || d.name === "node_modules") return t;
    return Math.max(t, d.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
const run = (args, env = process.env) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(join(root, "server/generated/prisma/client.ts")) || statSync(join(root, "prisma/schema.prisma")).mtimeMs > statSync(join(root, "server/generated/prisma/client.ts")).mtimeMs) {
  run([join(root, "scripts/prisma-generate.mjs")]);
}
const dist = join(root, "client/dist/index.html");
if (existsSync(join(root, "client/index.html")) && (!existsSync(dist) || newest(join(root, "client")) > statSync(dist).mtimeMs + 1)) {
  console.log("Building the web client...");
  run([join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"]);
}
// Production mode unless told otherwise: graphql-js skips its development-only checks.
run([join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "server/main.ts")], { NODE_ENV: "production", ...process.env });
