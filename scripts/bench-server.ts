import { spawn, type ChildProcess } from "node:child_process";

const ROOT = new URL("..", import.meta.url).pathname;

/**
 * The app as `npm start` runs it (production, warnings only), on 127.0.0.1:port, with the
 * benchmark's settings added. `nodeArgs`: more node arguments (e.g. a probe to `--import`);
 * `stderr: "pipe"` to read the server's stderr (else it goes to this process's).
 */
export function spawnBenchServer(
  port: number,
  env: Record<string, string | undefined>,
  options: { nodeArgs?: string[]; stderr?: "inherit" | "pipe" } = {},
): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", ...(options.nodeArgs ?? []), "server/main.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", options.stderr ?? "inherit"],
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
  });
}

/** Resolves once the server at `url` answers /readyz; rejects if it stops first. */
export async function benchServerReady(server: ChildProcess, url: string): Promise<void> {
  for (let ready = false; !ready; await new Promise((ok) => setTimeout(ok, 500))) {
    if (server.exitCode != null) throw new Error("the server stopped before it listened");
    ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
  }
}

/** SIGTERM, and waits for the server to exit. */
export async function stopBenchServer(server: ChildProcess): Promise<void> {
  if (server.exitCode != null || server.signalCode != null) return;
  server.kill("SIGTERM");
  await new Promise((ok) => server.once("close", ok));
}
