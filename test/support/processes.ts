import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

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
 * `node --import tsx <script> <args>` as a separate process with only `env` (plus PATH and HOME):
 * one node process with tsx's loader (the tsx command would put a second process between, which
 * a kill would not reach).
 */
export function spawnTsx(script: string, args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
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

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer()
      .once("error", fail)
      .listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => ok(port));
      });
  });
}
