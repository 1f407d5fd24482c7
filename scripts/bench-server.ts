import { spawn, type ChildProcess } from "node:child_process";

const ROOT = new URL("..", import.meta.url).pathname;

/** The app as `npm start` runs it (production, warnings only), on 127.0.0.1:port, with the benchmark's settings added. */
export function spawnBenchServer(port: number, env: Record<string, string | undefined>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
  });
}
