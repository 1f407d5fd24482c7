import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN } from "./support/graphql.ts";
import { AS_ADMIN, openSeededApp, postGraphql } from "./support/http.ts";

type App = Awaited<ReturnType<typeof openSeededApp>>;

/** A code no region has (a district that does not exist in Bangkalan), and an id no row has. */
const NO_REGION = "35.26.99";
const NO_VILLAGE = "35.26.01.9999";
const NO_ID = 999_999;

/** Every GraphQL lookup by a code or an id, asked with one that does not exist: [name, query, the argument named]. */
const LOOKUPS: [string, string, RegExp][] = [
  ["region", `{ region(code: "${NO_REGION}") { code } }`, /^code: no region with code "35\.26\.99"/],
  ["coverageSeries", `{ coverageSeries(code: "${NO_VILLAGE}") { period } }`, /^code: no region with code "35\.26\.01\.9999"/],
  ["coverageSummary", `{ coverageSummary(code: "${NO_REGION}") { period } }`, /^code: no region with code "35\.26\.99"/],
  ["coverage (parentCode)", `{ coverage(level: VILLAGE, parentCode: "${NO_REGION}") { totalCount } }`, /^parentCode: no region/],
  ["regions (parentCode)", `{ regions(level: VILLAGE, parentCode: "${NO_REGION}") { code } }`, /^parentCode: no region/],
  ["regionGeometries (parentCode)", `{ regionGeometries(level: VILLAGE, parentCode: "${NO_REGION}") }`, /^parentCode: no region/],
  ["fertilizerPoints (regionCode)", `{ fertilizerPoints(regionCode: "${NO_REGION}") { code } }`, /^regionCode: no region/],
  ["nearestFertilizerPoints", `{ nearestFertilizerPoints(villageCode: "${NO_VILLAGE}") { point { code } } }`, /^villageCode: no region/],
  ["sessions (regionCode)", `{ sessions(regionCode: "${NO_REGION}") { id } }`, /^regionCode: no region/],
  [
    "outreachPlan (regionCode)",
    `{ outreachPlan(input: { regionCode: "${NO_REGION}", sessions: 2 }) { totals { uncoveredReached } } }`,
    /regionCode: no region/,
  ],
  ["budgetView (regionCode)", `{ budgetView(input: { regionCode: "${NO_REGION}", budget: 1000000 }) { rule } }`, /regionCode: no region/],
  ["savedPlan", `{ savedPlan(id: ${NO_ID}) { id } }`, /^id: no saved plan 999999/],
  ["dataQuality", `{ dataQuality(regionCode: "${NO_REGION}") { regionCode } }`, /^regionCode: no region/],
  ["updateSession", `mutation { updateSession(id: ${NO_ID}, patch: { notes: "x" }) { id } }`, /^id: no outreach session 999999/],
  ["cancelSession", `mutation { cancelSession(id: ${NO_ID}) { id } }`, /^id: no outreach session 999999/],
  [
    "recordSessionResults",
    `mutation { recordSessionResults(id: ${NO_ID}, attendance: 1, enrollmentsAttributed: 0) { id } }`,
    /^id: no outreach session 999999/,
  ],
  ["createSessionsFromPlan", `mutation { createSessionsFromPlan(planId: ${NO_ID}) { id } }`, /no saved plan 999999/],
  [
    "createSession (villageCode)",
    `mutation { createSession(input: { title: "x", startsOn: "2026-01-05", villageCode: "${NO_VILLAGE}" }) { id } }`,
    /villageCode: no region/,
  ],
  [
    "createSession (pointId)",
    `mutation { createSession(input: { title: "x", startsOn: "2026-01-05", villageCode: "35.26.01.1001", pointId: ${NO_ID} }) { id } }`,
    /pointId: no fertilizer point 999999/,
  ],
];

describe("every lookup by a code or an id that does not exist says NOT_FOUND (GraphQL) or 404 (HTTP)", () => {
  let seeded: App;
  beforeAll(async () => {
    seeded = await openSeededApp();
  });
  afterAll(() => seeded?.close());

  it.each(LOOKUPS)("%s", async (_name, query, message) => {
    const { body } = await postGraphql(seeded.app.url, query, undefined, ADMIN);
    expect(body.errors, JSON.stringify(body)).toHaveLength(1);
    expect(body.errors![0].extensions.code, body.errors![0].message).toBe("NOT_FOUND");
    expect(body.errors![0].message).toMatch(message);
  });

  it.each([
    ["a saved plan's CSV", `/export/plans/${NO_ID}.csv`, /^No saved plan with id 999999|^id: no saved plan 999999/],
    ["a saved plan's field sheet", `/export/plans/${NO_ID}/field-sheet`, /^No saved plan with id 999999|^id: no saved plan 999999/],
    [
      "the coverage CSV of a region",
      `/export/coverage.csv?level=VILLAGE&parentCode=${NO_REGION}`,
      /^parentCode: no region with code "35\.26\.99"/,
    ],
    [
      "the field sheet of an unsaved plan in a region",
      `/export/field-sheet?plan=${encodeURIComponent(JSON.stringify({ regionCode: NO_REGION }))}`,
      /regionCode: no region with code "35\.26\.99"/,
    ],
  ])("HTTP: %s", async (_name, path, message) => {
    const res = await fetch(`${seeded.app.url}${path}`, AS_ADMIN);
    const body = await res.text();
    expect(res.status, body).toBe(404);
    expect(JSON.parse(body)).toEqual({ error: expect.stringMatching(message), code: "NOT_FOUND" });
  });
});
