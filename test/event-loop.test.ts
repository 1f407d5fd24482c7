import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticEnrollmentCsv } from "../server/demo/synthetic-enrollment-csv.ts";
import { officialRegency } from "../server/regions/official-codes.ts";
import { EVENT_LOOP_PROBE_ARGS, readEventLoopProbe, type EventLoopProbe } from "../scripts/event-loop-report.ts";
import { ADMIN } from "./support/graphql.ts";
import { postGraphql } from "./support/http.ts";
import { spawnSeededServer } from "./support/processes.ts";

/** Issue 11's bound is "about 100 ms"; the test allows for a busy 2-core machine. */
const LIMIT_MS = 150;
const ROWS = 180_000; // about 17 MB of CSV, as in upload-while-serving.test.ts
const IMPORT = `mutation ($files: [ImportFileInput!]!) { importFile(kind: ENROLLMENTS, files: $files) { rows } }`;
// Each plan differs (the response cache would answer repeats without planning).
const plan = (i: number) =>
  `{ outreachPlan(input: { sessions: ${1 + (i % 10)}, maxDistanceKm: ${3 + i / 10}, from: "2025-10-01", to: "2025-12-31" }) { totals { uncoveredReached } sites { villages { code } } } }`;
const geometry = (detail: string) => `{ regionGeometries(level: VILLAGE, detail: ${detail}) }`;

/**
 * Issue 11: no single request holds the server's event loop for more than about 100 ms, in either
 * database mode; embedded, PGlite runs in a worker thread (EMBEDDED_THREAD=worker) for that. The
 * server runs in a process of its own with scripts/event-loop-probe.mjs loaded, which reports the
 * longest event-loop delay between two asks. Each kind of request is made once beforehand, so
 * what is measured is a running server's, not a first call's compilation.
 */
describe("no request holds the event loop (both database modes)", () => {
  const work = mkdtempSync(join(tmpdir(), "cakupan-event-loop-"));
  let server: Awaited<ReturnType<typeof spawnSeededServer>>;
  let probe: EventLoopProbe;
  let villages: string[];
  const csv = (rows: number, firstSerial: number) => {
    const file = join(work, `enrollments-${firstSerial}.csv`);
    writeSyntheticEnrollmentCsv(file, rows, villages, firstSerial);
    return readFileSync(file, "utf8");
  };
  const upload = (text: string) => postGraphql(server.url, IMPORT, { files: [{ name: "enrollments.csv", text }] }, ADMIN);
  /** The longest event-loop hold while `request` ran (the probe is read just before and after). */
  const holdDuring = async (request: () => Promise<void>) => {
    await probe.longestHold();
    await request();
    return probe.longestHold();
  };

  beforeAll(async () => {
    server = await spawnSeededServer(work, { ADMIN_TOKEN: ADMIN }, EVENT_LOOP_PROBE_ARGS);
    probe = readEventLoopProbe(server.run.child);
    villages = (await officialRegency("35.26"))!.villages.map((v) => v.code);
    // One of each kind first (a small upload among them).
    expect((await postGraphql(server.url, plan(100), undefined, ADMIN)).body.errors).toBeUndefined();
    expect((await postGraphql(server.url, geometry("MEDIUM"))).body.errors).toBeUndefined();
    expect((await fetch(`${server.url}/export/coverage.csv?level=VILLAGE&sector=FARMER`)).status).toBe(200);
    expect((await upload(csv(2_000, 9_000_000))).body.data.importFile.rows).toBe(2_000);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("an outreach plan", async () => {
    const hold = await holdDuring(async () => {
      const r = await postGraphql(server.url, plan(1), undefined, ADMIN);
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.outreachPlan.totals.uncoveredReached).toBeGreaterThan(0);
    });
    expect(hold, "longest event-loop hold (ms) during one plan").toBeLessThan(LIMIT_MS);
  });

  it("10 plans at once", async () => {
    const hold = await holdDuring(async () => {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => postGraphql(server.url, plan(10 + i), undefined, ADMIN)));
      for (const r of results) expect(r.body.errors).toBeUndefined();
    });
    expect(hold, "longest event-loop hold (ms) during 10 plans").toBeLessThan(LIMIT_MS);
  });

  it(`an upload of ${ROWS.toLocaleString("en")} enrollments (about 17 MB), imported`, async () => {
    // The full suite runs beside this on two cores, and the upload is long enough for the process
    // to be descheduled now and then: a hold the code causes comes back in a second upload, an
    // outlier of a busy machine does not. So the shorter of at most two uploads' longest holds counts.
    let hold = Infinity;
    for (const firstSerial of [5_000_000, 6_000_000]) {
      if (hold < LIMIT_MS) break;
      const text = csv(ROWS, firstSerial);
      const held = await holdDuring(async () => {
        const r = await upload(text);
        expect(r.body.errors).toBeUndefined();
        expect(r.body.data.importFile.rows).toBe(ROWS);
      });
      hold = Math.min(hold, held);
    }
    expect(hold, "longest event-loop hold (ms) during the upload").toBeLessThan(LIMIT_MS);
  }, 240_000);

  it("every village's FULL geometry", async () => {
    const hold = await holdDuring(async () => {
      const r = await postGraphql(server.url, geometry("FULL"));
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.regionGeometries.features.length).toBe(villages.length);
    });
    expect(hold, "longest event-loop hold (ms) during the FULL geometry query").toBeLessThan(LIMIT_MS);
  });

  it("the village coverage CSV export", async () => {
    const hold = await holdDuring(async () => {
      const r = await fetch(`${server.url}/export/coverage.csv?level=VILLAGE&sector=FISHER`);
      expect(r.status).toBe(200);
      expect((await r.text()).trim().split("\n").length).toBe(villages.length + 1);
    });
    expect(hold, "longest event-loop hold (ms) during the CSV export").toBeLessThan(LIMIT_MS);
  });
});
