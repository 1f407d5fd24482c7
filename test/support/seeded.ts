import { existsSync } from "node:fs";
import { pino } from "pino";
import type { Database } from "../../server/db/database.ts";
import { seedDemo } from "../../server/demo/seed-demo.service.ts";
import { openTestDatabase, SHARED_VILLAGES } from "./db.ts";

export const TEST_NIK_KEY = "test-key-".padEnd(40, "x");

/** A test database holding the demo on the real boundaries (or synthetic ones when ../shared is absent). */
export async function openSeededDatabase(seed = 1): Promise<Database> {
  const db = await openTestDatabase();
  await seedDemo(db, {
    regency: "35.26", seed, boundaries: existsSync(SHARED_VILLAGES) ? SHARED_VILLAGES : undefined,
    urlTemplate: "http://127.0.0.1:9/unreachable/{regency}", nikKey: TEST_NIK_KEY, logger: pino({ level: "silent" }),
  });
  return db;
}
