import { spawn } from "node:child_process";

export const ROOT = new URL("../..", import.meta.url).pathname;

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * One of the app's commands (`server/cli/import.ts`, `server/main.ts`...) as a separate process
 * with only `env` (and PATH, HOME): the script npm runs, in one node process with tsx's loader
 * (the tsx command would put a second process between, which a kill would not reach).
 * `onOutput` sees stdout and stderr as they arrive and may kill the process.
 */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
  onOutput?: (out: { stdout: string; stderr: string }, kill: () => void) => void,
): Promise<Finished> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  const out = { stdout: "", stderr: "" };
  const kill = () => child.kill("SIGKILL");
  child.stdout.on("data", (c) => {
    out.stdout += c;
    onOutput?.(out, kill);
  });
  child.stderr.on("data", (c) => {
    out.stderr += c;
    onOutput?.(out, kill);
  });
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, ...out })));
}
