// Builds the web client when client/dist is missing or older than its sources: used by
// `npm start` and by the tests' global setup, so both agree on when a build is due.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const newestMtime = (path) => {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
};

/** True when client/dist/index.html is missing or older than client/src, domain/ (shared with the server), client/index.html or vite.config.ts. */
export function clientIsStale(root) {
  const index = join(root, "client/dist/index.html");
  if (!existsSync(index)) return true;
  const sources = Math.max(...["client/src", "domain", "client/index.html", "vite.config.ts"].map((p) => newestMtime(join(root, p))));
  return statSync(index).mtimeMs < sources;
}

/**
 * `vite build` in a child process, production mode. The child must not look like vitest
 * (vite.config.ts keeps the repository root under vitest), and vitest's NODE_ENV=test would give
 * React's development build.
 */
export function buildClient(root) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST")));
  env.NODE_ENV = "production";
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], {
      cwd: root,
      env,
      stdio: "inherit",
    });
    child.once("error", fail);
    child.once("exit", (code) => (code === 0 ? ok() : fail(new Error(`vite build exited with code ${code}`))));
  });
}
