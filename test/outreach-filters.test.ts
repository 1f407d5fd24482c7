import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { operation, run } from "./support/graphql.ts";
import type {
  FilteredPointsQuery,
  FilteredPointsQueryVariables,
  FilteredSessionsQuery,
  FilteredSessionsQueryVariables,
} from "./generated/graphql.ts";

const POINTS = operation<FilteredPointsQuery, FilteredPointsQueryVariables>(/* GraphQL */ `
  query FilteredPoints($regionCode: String, $from: String, $to: String) {
    fertilizerPoints(regionCode: $regionCode, from: $from, to: $to) {
      code
      villageCode
    }
  }
`);
const SESSIONS = operation<FilteredSessionsQuery, FilteredSessionsQueryVariables>(/* GraphQL */ `
  query FilteredSessions($regionCode: String, $from: String, $to: String, $sector: Sector, $status: SessionStatus) {
    sessions(regionCode: $regionCode, from: $from, to: $to, sector: $sector, status: $status) {
      id
      villageCode
      startsOn
      endsOn
      targetSectors
      status
    }
  }
`);

/** Independent SQL: points in a region with a distribution window overlapping [from, to]. */
const POINTS_SQL = `
SELECT p.code FROM fertilizer_point p
WHERE ($1::text IS NULL OR p.village_code = $1 OR starts_with(p.village_code, $1 || '.'))
  AND ($2::date IS NULL AND $3::date IS NULL OR p.id IN (
    SELECT point_id FROM distribution_schedule WHERE starts_on <= coalesce($3::date, 'infinity') AND ends_on >= coalesce($2::date, '-infinity')))
ORDER BY p.code`;
/** Independent SQL: sessions in a region, overlapping [from, to], targeting a sector. */
const SESSIONS_SQL = `
SELECT id FROM outreach_session
WHERE ($1::text IS NULL OR village_code = $1 OR starts_with(village_code, $1 || '.'))
  AND ends_on >= coalesce($2::date, '-infinity') AND starts_on <= coalesce($3::date, 'infinity')
  AND ($4::text IS NULL OR target_sectors @> ARRAY[$4::text])
  AND ($5::text IS NULL OR status::text = $5)
ORDER BY id`;

describe("fertilizer points and sessions, filtered by region (district or village), date and sector", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openSeededDatabase();
  });
  afterAll(() => db?.close());

  const points = async (v: { regionCode?: string; from?: string; to?: string }) => {
    const { data, errors } = await run(db, POINTS, v);
    expect(errors).toBeUndefined();
    const expected = await db.sql.query<{ code: string }>(POINTS_SQL, [v.regionCode ?? null, v.from ?? null, v.to ?? null]);
    return { got: data!.fertilizerPoints.map((p) => p.code), expected: expected.map((r) => r.code) };
  };
  const sessions = async (v: FilteredSessionsQueryVariables) => {
    const { data, errors } = await run(db, SESSIONS, v);
    expect(errors).toBeUndefined();
    const expected = await db.sql.query<{ id: number }>(SESSIONS_SQL, [
      v.regionCode ?? null,
      v.from ?? null,
      v.to ?? null,
      v.sector ?? null,
      v.status ?? null,
    ]);
    return {
      got: data!.sessions.map((s) => s.id).sort((a, b) => a - b),
      expected: expected.map((r) => r.id),
    };
  };

  it.each([
    ["a district", { regionCode: "35.26.05" }],
    ["a village", { regionCode: "35.26.05.2001" }],
    ["a date window", { from: "2025-10-01", to: "2025-10-31" }],
    ["a district and a date window", { regionCode: "35.26.10", from: "2025-11-01", to: "2026-01-31" }],
  ])("fertilizer points in %s match independent SQL", async (_label, filter) => {
    const all = await points({});
    const { got, expected } = await points(filter);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.expected.length);
    expect(got).toEqual(expected);
  });

  it("a date window with no distribution gives no points; a district's points all lie in it", async () => {
    expect((await points({ from: "2019-01-01", to: "2019-01-31" })).got).toEqual([]);
    const { data } = await run(db, POINTS, { regionCode: "35.26.05" });
    expect(data!.fertilizerPoints.length).toBeGreaterThan(0);
    expect(data!.fertilizerPoints.every((p: { villageCode: string }) => p.villageCode.startsWith("35.26.05."))).toBe(true);
  });

  it("sessions by district, date, sector and all three match independent SQL", async () => {
    // A few sessions of our own, so every filter has something to keep and something to drop.
    await db.sql.query(`INSERT INTO outreach_session (title, starts_on, ends_on, village_code, target_sectors, status)
      VALUES ('T1', '2026-02-02', '2026-02-03', '35.26.05.2001', ARRAY['FISHER'], 'PLANNED'),
             ('T2', '2026-02-10', '2026-02-10', '35.26.05.2002', ARRAY['FARMER','LIVESTOCK'], 'PLANNED'),
             ('T3', '2026-03-01', '2026-03-01', '35.26.10.2001', ARRAY['FISHER'], 'PLANNED')`);
    const all = await sessions({});
    for (const filter of [
      { regionCode: "35.26.05" },
      { regionCode: "35.26.05.2001" },
      { from: "2026-02-01", to: "2026-02-28" },
      { sector: "FISHER" },
      { status: "HELD" },
      { status: "PLANNED", sector: "FISHER" },
      { regionCode: "35.26.05", from: "2026-01-01", to: "2026-12-31", sector: "FISHER" },
    ] satisfies FilteredSessionsQueryVariables[]) {
      const { got, expected } = await sessions(filter);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(expected.length, JSON.stringify(filter)).toBeLessThan(all.expected.length);
      expect(got, JSON.stringify(filter)).toEqual(expected);
    }
    const combined = await run(db, SESSIONS, { regionCode: "35.26.05", from: "2026-01-01", to: "2026-12-31", sector: "FISHER" });
    expect(combined.data!.sessions).toEqual([
      expect.objectContaining({ villageCode: "35.26.05.2001", startsOn: "2026-02-02", endsOn: "2026-02-03", targetSectors: ["FISHER"] }),
    ]);
  });

  it("refuses a date that is not YYYY-MM-DD and an unknown region", async () => {
    const date = await run(db, SESSIONS, { from: "03/02/2026x" });
    expect(date.errors![0].extensions).toEqual({ code: "BAD_USER_INPUT", argumentName: "from" });
    const region = await run(db, POINTS, { regionCode: "35.26.99" });
    expect(region.errors![0].extensions).toEqual({ code: "NOT_FOUND" });
  });
});
