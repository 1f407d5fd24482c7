import { spawn } from "node:child_process";
import { freePort } from "../../scripts/free-port.ts";

export interface PrivateRedis {
  url: string;
  /** Stops it (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty: nothing is saved). */
  restart(): Promise<void>;
}

function launch(port: number) {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.once("error", (error) => reject(new Error(`redis-server could not be started (apt-get install redis-server): ${error.message}`)));
    child.stdout!.on("data", (c) => {
      log += c;
      if (/Ready to accept connections/.test(log)) resolve();
    });
    child.once("exit", () => reject(new Error(`redis-server stopped: ${log}`)));
  });
  return { child, exited, ready };
}

/** A redis-server of the test's own on a free port, nothing saved, so the test may stop it. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let current = launch(port);
  await current.ready;
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (current.child.exitCode == null) current.child.kill("SIGTERM");
      await current.exited;
    },
    async restart() {
      current = launch(port);
      await current.ready;
    },
  };
}
