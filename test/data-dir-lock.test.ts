import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../server/db/database.ts";
import { freePort, spawnTsx, type Running } from "./support/processes.ts";

const work = mkdtempSync(join(tmpdir(), "cakupan-lock-"));
const DATA_DIR = join(work, "pgdata");
const env = (port: number) => ({
  DATA_DIR,
  PORT: String(port),
  HOST: "127.0.0.1",
  NIK_HASH_KEY: "lock-test-key-".padEnd(40, "k"),
  LOG_LEVEL: "info",
  LOG_FORMAT: "json" as const,
  BOUNDARIES_URL_TEMPLATE: "http://127.0.0.1:9/unreachable/{regency}",
});
const IN_USE = new RegExp(`The data directory ${DATA_DIR} is in use by another Cakupan process \\(PID \\d+\\): stop that process first`);
const running: Running[] = [];

describe("one process per embedded data directory", () => {
  afterAll(() => {
    for (const r of running) r.child.kill("SIGKILL");
    rmSync(work, { recursive: true, force: true });
  });

  it("refuses a second server and the CLI with one sentence, and takes over the lock of a killed server", async () => {
    // An initialised data directory, so that the server's start is quick.
    const db = await openDatabase({ dataDir: DATA_DIR });
    await db.close();
    expect(existsSync(`${DATA_DIR}.lock`)).toBe(false);

    const first = spawnTsx("server/main.ts", [], env(await freePort()));
    running.push(first);
    await first.waitFor(/Database: embedded PGlite\+PostGIS/);
    expect(JSON.parse(readFileSync(`${DATA_DIR}.lock`, "utf8")).pid).toBe(first.child.pid);

    const second = await spawnTsx("server/main.ts", [], env(await freePort())).finished;
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toMatch(IN_USE);
    expect(second.stderr).toContain(`(PID ${first.child.pid})`);

    const cli = await spawnTsx("server/cli/import.ts", ["workforce", join(work, "none.csv")], env(await freePort())).finished;
    expect(cli.code).toBe(1);
    expect(cli.stderr.trim()).toMatch(IN_USE);

    // In-process too: the test's own process is another process than the server.
    await expect(openDatabase({ dataDir: DATA_DIR })).rejects.toThrow(IN_USE);

    // A crash leaves the lock file behind; the next process finds its PID gone and takes over.
    first.child.kill("SIGKILL");
    await first.finished;
    expect(existsSync(`${DATA_DIR}.lock`)).toBe(true);
    const after = await spawnTsx("server/cli/import.ts", ["workforce", join(work, "none.csv")], env(await freePort())).finished;
    expect(after.code).toBe(1);
    expect(after.stderr).not.toMatch(/in use/);
    expect(after.stderr).toMatch(/none\.csv/);
    expect(existsSync(`${DATA_DIR}.lock`)).toBe(false);
  });
});
