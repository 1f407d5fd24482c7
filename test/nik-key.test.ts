import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../server/db/database.ts";
import { openScratchDatabase } from "../server/db/scratch.ts";
import { bangkalanVillages, toGeoJson } from "./support/boundary-files.ts";
import { freePort, spawnTsx } from "./support/processes.ts";

const work = mkdtempSync(join(tmpdir(), "cakupan-nik-key-"));
const server = process.env.TEST_DATABASE_URL;
const REFUSED =
  /^This database's NIKs were hashed with another key \(fingerprint [0-9a-f]{12}, this process has [0-9a-f]{12}\): set NIK_HASH_KEY to the key of the first import/;

/** `npm run import -- <args>` in a process of its own with `env`. */
const importCli = (args: string[], env: NodeJS.ProcessEnv) => spawnTsx("server/cli/import.ts", args, env).finished;

/**
 * The same database reached by two configurations with different NIK keys, as the issue found it:
 * A has no NIK_HASH_KEY (a random key kept beside its DATA_DIR); B has another DATA_DIR on the same
 * PostgreSQL (its own random key file) or, embedded, the same DATA_DIR with NIK_HASH_KEY set.
 */
describe("the NIK hash key is recorded by its fingerprint and another key is refused (real processes)", () => {
  let url: string | null = null;
  let name: string | null = null;
  const envA: Record<string, string> = { DATA_DIR: join(work, "a", "pgdata"), LOG_LEVEL: "warn" };
  const envB: Record<string, string> = { DATA_DIR: join(work, server ? "b" : "a", "pgdata"), LOG_LEVEL: "warn" };
  const csv = (file: string, text: string) => (writeFileSync(join(work, file), text), join(work, file));
  const enrollments = (tail = "") =>
    "nik,name,village_code,sector,programs,start_date,end_date,status,funding_source\n" +
    ["3526010101010001", "3526010101010002", "3526010101010003"]
      .map((nik) => `${nik},Siti,35.26.01.1001,petani,JKK,2025-01-05,,aktif,DBHCHT`)
      .join("\n") +
    tail;

  async function query<T>(text: string): Promise<T[]> {
    const db = await openDatabase(url ? { url } : { dataDir: envA.DATA_DIR });
    try {
      return await db.sql.query<T>(text);
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    if (server) {
      const db = await openScratchDatabase(server);
      [url, name] = [db.url, db.name];
      await db.close({ keep: true });
      envA.DATABASE_URL = envB.DATABASE_URL = url!;
    } else envB.NIK_HASH_KEY = "another-key-".padEnd(40, "b");
    const file = join(work, "villages.geojson");
    writeFileSync(file, JSON.stringify(toGeoJson(await bangkalanVillages())));
    const boundaries = await importCli(["boundaries", file], envA);
    expect(boundaries.code).toBe(0);
  });
  afterAll(async () => {
    if (server && name) {
      const { dropScratchDatabase } = await import("../server/db/scratch.ts");
      await dropScratchDatabase(server, name);
    }
    rmSync(work, { recursive: true, force: true });
  });

  it("records a fingerprint (not the key) at the first import of NIKs", async () => {
    expect(await query(`SELECT * FROM nik_key`)).toEqual([]); // boundaries hold no NIK
    const first = await importCli(["enrollments", csv("first.csv", enrollments())], envA);
    expect(first.code).toBe(0);
    const keyA = readFileSync(join(work, "a", "nik-hash.key"), "utf8").trim();
    const [row] = await query<{ fingerprint: string }>(`SELECT fingerprint FROM nik_key`);
    expect(row.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(row.fingerprint).not.toContain(keyA.slice(0, 16));
    expect(await query(`SELECT count(*)::int AS n FROM enrollment`)).toEqual([{ n: 3 }]);
  });

  it("refuses an import and a server start with another key, in one sentence, changing nothing", async () => {
    // The same three workers in a file with another hash: with another key they would be counted again.
    const again = csv("again.csv", enrollments("\n"));
    const refused = await importCli(["enrollments", again], envB);
    expect(refused.code).toBe(1);
    expect(refused.stdout).not.toMatch(/Imported/);
    expect(refused.stderr.trim()).toMatch(REFUSED);
    const workforce = await importCli(
      ["workforce", csv("w.csv", "kode_desa,sektor,periode,jumlah_pekerja,sumber\n35.26.01.1001,petani,2025,9,BPS\n")],
      envB,
    );
    expect(workforce.code).toBe(1);
    expect(workforce.stderr).toMatch(/This database's NIKs were hashed with another key/);
    const port = await freePort();
    const server = spawnTsx("server/main.ts", [], { ...envB, PORT: String(port), HOST: "127.0.0.1" });
    server.waitFor(/ready at/).then(
      () => server.child.kill("SIGKILL"), // started when it should have refused
      () => undefined,
    );
    const start = await server.finished;
    expect(start.signal).toBeNull();
    expect(start.code).toBe(1);
    expect(start.stderr).toMatch(/This database's NIKs were hashed with another key/);
    expect(await query(`SELECT (SELECT count(*) FROM enrollment)::int AS e, (SELECT count(*) FROM workforce_estimate)::int AS w`)).toEqual([
      { e: 3, w: 0 },
    ]);
    // The first key still works, and the same workers are not counted twice.
    const accepted = await importCli(["enrollments", again], envA);
    expect(accepted.code).toBe(0);
    expect(await query(`SELECT count(*)::int AS n FROM enrollment`)).toEqual([{ n: 3 }]);
  });
});
