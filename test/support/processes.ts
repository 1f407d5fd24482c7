import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { freePort } from "../../scripts/free-port.ts";

export { freePort };
import { openDatabase } from "../../server/db/database.ts";
import type { ScratchDatabase } from "../../server/db/scratch.ts";
import { openSeededDatabase, TEST_NIK_KEY } from "./seeded.ts";

export const ROOT = new URL("../..", import.meta.url).pathname;

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves when stdout or stderr matches; rejects when the process ends first or after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<void>;
  finished: Promise<Finished>;
}

/**
 * `node --import tsx <nodeArgs> <script> <args>` as a separate process with only `env` (plus PATH
 * and HOME): one node process with tsx's loader (the tsx command would put a second process
 * between, which a kill would not reach).
 */
export function spawnTsx(script: string, args: string[], env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Running {
  const child = spawn(process.execPath, ["--import", "tsx", ...nodeArgs, script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  const out = { stdout: "", stderr: "" };
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  child.stdout!.on("data", (c) => ((out.stdout += c), notify()));
  child.stderr!.on("data", (c) => ((out.stderr += c), notify()));
  const finished = new Promise<Finished>((resolve) => child.on("close", (code, signal) => (resolve({ code, signal, ...out }), notify())));
  return {
    child,
    output: () => ({ ...out }),
    finished,
    waitFor: (pattern, ms = 120_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(out.stdout) || pattern.test(out.stderr)) done(resolve);
          else if (child.exitCode != null || child.signalCode != null)
            done(() => reject(new Error(`the process ended before printing ${pattern}: ${out.stderr}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${ms} ms: ${out.stderr}`))), ms);
        const done = (then: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          then();
        };
        listeners.add(check);
        check();
      }),
  };
}

/**
 * `server/main.ts` in a process of its own over a copy of the run's seeded demo (embedded: a data
 * directory under `workDir`; server: a scratch database from `openSeededDatabase`), on a free port;
 * resolves once it listens. A server in another process is measured as a client sees it.
 */
export async function spawnSeededServer(
  workDir: string,
  env: NodeJS.ProcessEnv = {},
  nodeArgs: string[] = [],
): Promise<{ url: string; run: Running; close(): Promise<void>; /** Server mode: the server's database. */ databaseUrl?: string }> {
  const fixture = inject("seededFixture");
  let database: NodeJS.ProcessEnv;
  let cleanup = async () => {};
  if (fixture.kind === "embedded") {
    const dataDir = join(workDir, "pgdata");
    const db = await openDatabase({ dataDir, snapshot: new Blob([readFileSync(fixture.file)]) });
    await db.close();
    database = { DATA_DIR: dataDir };
  } else {
    const db = await openSeededDatabase();
    database = { DATABASE_URL: (db as ScratchDatabase).url! };
    cleanup = () => db.close();
  }
  const server = await spawnServer({ NIK_HASH_KEY: TEST_NIK_KEY, NODE_ENV: "production", ...database, ...env }, nodeArgs).catch(
    async (error: unknown) => {
      await cleanup();
      throw error;
    },
  );
  return { ...server, close: () => server.close().finally(cleanup), databaseUrl: database.DATABASE_URL };
}

/**
 * `server/main.ts` in a process of its own with `env` (a database among it) on a free port, with
 * `nodeArgs` for node (e.g. `--import` a probe); resolves once /healthz answers. `close`: SIGTERM,
 * and waits for it to exit.
 */
export async function spawnServer(
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Promise<{ url: string; run: Running; close(): Promise<void> }> {
  const port = await freePort();
  const run = spawnTsx("server/main.ts", [], { PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env }, nodeArgs);
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    run.child.kill("SIGTERM");
    await run.finished;
  };
  for (const deadline = Date.now() + 120_000; Date.now() < deadline && run.child.exitCode == null;) {
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, run, close };
    await new Promise((ok) => setTimeout(ok, 300));
  }
  await close();
  throw new Error(`the server did not start: ${run.output().stderr}`);
}
