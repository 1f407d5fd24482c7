import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../server/db/database.ts";
import { dropScratchDatabase } from "../../server/db/scratch.ts";
import { seedDemo } from "../../server/demo/seed-demo.service.ts";
import { openTestDatabase } from "./db.ts";

export const TEST_NIK_KEY = "test-key-".padEnd(40, "x");

/** The demo as `npm start` loads it (the shipped real Bangkalan boundaries), built once per test run. */
export type SeededFixture = { kind: "embedded"; file: string } | { kind: "server"; template: string };

declare module "vitest" {
  export interface ProvidedContext {
    seededFixture: SeededFixture;
  }
}

export function seedTestDemo(db: Database, seed = 1) {
  return seedDemo(db, {
    regency: "35.26",
    seed,
    urlTemplate: "http://127.0.0.1:9/unreachable/{regency}",
    nikKey: TEST_NIK_KEY,
    logger: pino({ level: "silent" }),
  });
}

/**
 * Seeds the demo once (global setup): an embedded data directory dumped to a file, or a template
 * database on the server. Returns the fixture and how to remove it.
 */
export async function createSeededFixture(): Promise<{ fixture: SeededFixture; remove(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) {
    const db = await openDatabase({});
    await seedTestDemo(db);
    const file = join(tmpdir(), `cakupan-seeded-${randomBytes(6).toString("hex")}.tar`);
    writeFileSync(file, Buffer.from(await (await db.snapshot!()).arrayBuffer()));
    await db.close();
    return { fixture: { kind: "embedded", file }, remove: async () => rmSync(file, { force: true }) };
  }
  const db = await openTestDatabase();
  await seedTestDemo(db);
  const template = db.name!;
  await db.close({ keep: true });
  return {
    fixture: { kind: "server", template },
    remove: () => dropScratchDatabase(admin, template),
  };
}

/** A database of its own for one test file, holding the demo (a copy of the run's seeded fixture). */
export async function openSeededDatabase(): Promise<Database> {
  const fixture = inject("seededFixture");
  if (fixture.kind === "embedded") return openDatabase({ snapshot: new Blob([readFileSync(fixture.file)]) });
  return openTestDatabase(fixture.template);
}
