// The real processes (the app and the import CLI, spawned as `npm start`/`npm run import` run
// them) never print a NIK in clear: not through their logger, not through exitWithReason.
// A NIK gets into their output here through the data directory's path (logged at start) and the
// path of a missing import file (in the error the CLI exits with).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NIK_FORMS, showsNik } from "./support/niks.ts";
import { freePort, spawnTsx } from "./support/processes.ts";

const NIK = "3526010101010001";
const work = mkdtempSync(join(tmpdir(), "cakupan-nik-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `tsx <script> ...args` with a DATA_DIR whose path holds the NIK; returns its exit code and all it printed. */
async function runReal(script: string, args: string[], name: string, stopAt?: RegExp): Promise<{ code: number | null; text: string }> {
  const dir = join(work, name, NIK);
  mkdirSync(dir, { recursive: true });
  const run = spawnTsx(script, args, {
    DATA_DIR: join(dir, "pgdata"),
    LOG_LEVEL: "info",
    LOG_FORMAT: "json",
    PORT: String(await freePort()),
  });
  if (stopAt) await run.waitFor(stopAt).finally(() => run.child.kill("SIGTERM"));
  const { code, stdout, stderr } = await run.finished;
  return { code, text: stdout + stderr };
}

describe("NIKs in the output of the real processes", () => {
  it("the app's logger masks a NIK in what it logs at start", async () => {
    const out = await runReal("server/main.ts", [], "app", /Database: embedded/);
    expect(out.text).toMatch(/Database: embedded PGlite\+PostGIS in .*\*{16}/);
    expect(showsNik(out.text, [NIK]), out.text).toBe(false);
  });

  it("the import CLI masks NIKs, in every form, in its log and in the error it exits with (exitWithReason)", async () => {
    const out = await runReal("server/cli/import.ts", ["enrollments", join(work, `peserta-${NIK_FORMS.join("_")}.csv`)], "cli");
    expect(out.code).toBe(1);
    expect(out.text).toMatch(/Database: embedded PGlite\+PostGIS in .*\*{16}/);
    expect(out.text).toMatch(/Cakupan stopped: .*peserta-.*\.csv/);
    expect(showsNik(out.text, [NIK, ...NIK_FORMS]), out.text).toBe(false); // plain, dotted, spaced, dashed, prefixed
  });
});
