import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { resolve } from "node:path";

/** A second process on a data directory another one holds: one sentence naming it and what to do. */
export class DataDirInUseError extends Error {}

interface Holder {
  pid: number;
  host: string;
}

/** Lock files this process holds, released at exit (a crash or SIGKILL leaves a stale one: see below). */
const held = new Set<string>();
process.once("exit", () => held.forEach((file) => rmSync(file, { force: true })));

function readHolder(file: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<Holder>;
    return typeof parsed.pid === "number" && typeof parsed.host === "string" ? { pid: parsed.pid, host: parsed.host } : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The holder still runs: on this machine its PID is alive (and it is not this process's previous life). */
function stillHeld(file: string, holder: Holder | null): boolean {
  if (!holder) return false;
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return held.has(file);
  return isAlive(holder.pid);
}

/**
 * Takes the one-process lock of an embedded data directory: `<dataDir>.lock`, created exclusively,
 * holding this process's PID and host. A lock whose process is gone (a crash, SIGKILL) is taken
 * over. Throws DataDirInUseError while another live process holds it. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const file = `${dir}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      held.add(file);
      return () => {
        if (held.delete(file)) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(file);
      if (stillHeld(file, holder) || attempt >= 2) {
        const who = holder ? ` (PID ${holder.pid}${holder.host === hostname() ? "" : ` on ${holder.host}`})` : "";
        throw new DataDirInUseError(
          `The data directory ${dir} is in use by another Cakupan process${who}: stop that process first, or import through the running server (the importFile mutation), or set DATA_DIR to another directory.`,
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
}
