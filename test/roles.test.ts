// Every query and mutation under every role (issue 15): anonymous with ANONYMOUS_ACCESS=none and
// =viewer, a viewer, a planner of district 35.26.05 inside and outside its region, an analyst, an
// admin (personal API token) and the bootstrap ADMIN_TOKEN. The expected outcome of each is the
// table below, written out by hand; a root field missing from it fails the test, so a new field
// has to be placed in the matrix. A refused call changes nothing (the sessions and plans are
// fingerprinted before and after).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { getSchema } from "../server/graphql/schema.ts";
import { Accounts } from "../server/people/accounts.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { ADMIN, run } from "./support/graphql.ts";

const PRINCIPALS = ["anonymous (none)", "anonymous", "viewer", "planner", "analyst", "admin", "ADMIN_TOKEN"] as const;
type Principal = (typeof PRINCIPALS)[number];
/** ok: answered; 401 UNAUTHENTICATED; 403 FORBIDDEN; bad: passed the role check, then BAD_USER_INPUT. */
type Outcome = "ok" | "401" | "403" | "bad";

const IN = "35.26.05"; // the planner's district
const OUT = "35.26.01";
const VILLAGE_IN = "35.26.05.2013"; // Cendagah
const VILLAGE_OUT = "35.26.01.1001";

// prettier-ignore
const EXPECTED: Record<string, [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]> = {
  //                                     anon(none) anon   viewer  planner analyst admin  ADMIN_TOKEN
  "coverage":                            ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "periods":                             ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "coverageSeries":                      ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "coverageSummary":                     ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "mapValues":                           ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "region":                              ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "regions":                             ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "searchRegions":                       ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "regionGeometries":                    ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "regionsWithin":                       ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "regionsIntersecting":                 ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "locate":                              ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "fertilizerPoints":                    ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "nearestFertilizerPoints":             ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "sessions":                            ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "outreachPlans":                       ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "savedPlan":                           ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "dataQuality":                         ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "datasetInfo":                         ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "sectors":                             ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "outreachPlan (in region)":            ["401",    "401", "403",  "ok",   "ok",   "ok",  "ok"],
  "outreachPlan (outside)":              ["401",    "401", "403",  "403",  "ok",   "ok",  "ok"],
  "outreachPlan (no region)":            ["401",    "401", "403",  "403",  "ok",   "ok",  "ok"],
  "budgetView (in region)":              ["401",    "401", "403",  "ok",   "ok",   "ok",  "ok"],
  "budgetView (outside)":                ["401",    "401", "403",  "403",  "ok",   "ok",  "ok"],
  "auditLog":                            ["401",    "401", "403",  "403",  "403",  "ok",  "ok"],
  "createSession (in region)":           ["401",    "401", "403",  "ok",   "403",  "ok",  "ok"],
  "createSession (outside)":             ["401",    "401", "403",  "403",  "403",  "ok",  "ok"],
  "updateSession (in region)":           ["401",    "401", "403",  "ok",   "403",  "ok",  "ok"],
  "updateSession (outside)":             ["401",    "401", "403",  "403",  "403",  "ok",  "ok"],
  "cancelSession (in region)":           ["401",    "401", "403",  "ok",   "403",  "ok",  "ok"],
  "cancelSession (outside)":             ["401",    "401", "403",  "403",  "403",  "ok",  "ok"],
  "recordSessionResults (in region)":    ["401",    "401", "403",  "ok",   "403",  "ok",  "ok"],
  "recordSessionResults (outside)":      ["401",    "401", "403",  "403",  "403",  "ok",  "ok"],
  "savePlan (in region)":                ["401",    "401", "403",  "ok",   "403",  "ok",  "ok"],
  "savePlan (outside)":                  ["401",    "401", "403",  "403",  "403",  "ok",  "ok"],
  "createSessionsFromPlan (in region)":  ["401",    "401", "403",  "ok",   "403",  "ok",  "ok"],
  "createSessionsFromPlan (outside)":    ["401",    "401", "403",  "403",  "403",  "ok",  "ok"],
  "importFile":                          ["401",    "401", "403",  "403",  "403",  "bad", "bad"],
  "renewals":                            ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "renewalSeries":                       ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "sessionOutcomes":                     ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "fundingScenarios":                    ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "fundingScenario (in region)":         ["401",    "ok",  "ok",   "ok",   "ok",   "ok",  "ok"],
  "fundingScenario (no region)":         ["401",    "ok",  "ok",   "403",  "ok",   "ok",  "ok"],
  "saveFundingScenario":                 ["401",    "401", "403",  "403",  "403",  "ok",  "ok"],
};

interface Case {
  source: string;
  variables?: () => Promise<Record<string, unknown>>;
  /** What a planner's refusal must say: the region outside its own. */
  outside?: string;
}

const PLAN_INPUT = (regionCode?: string) => ({ sessions: 2, from: "2025-10-01", to: "2025-12-31", ...(regionCode ? { regionCode } : {}) });

describe("every query and mutation under every role", () => {
  let db: Database;
  const tokens = new Map<Principal, string>();
  const sessionIds = new Map<string, number>();

  const asAdmin = async (source: string, variables: Record<string, unknown>) => {
    const { data, errors } = await run(db, source, variables, ADMIN);
    expect(errors, source).toBeUndefined();
    return data as Record<string, any>;
  };
  /** A saved plan of its own for each attempt (a plan becomes sessions only once). */
  const freshPlan = async (regionCode: string) =>
    (await asAdmin(`mutation($input: PlanInput!) { savePlan(name: "roles", input: $input) { id } }`, { input: PLAN_INPUT(regionCode) }))
      .savePlan.id;
  const session = (title: string, villageCode: string) =>
    asAdmin(`mutation($input: SessionInput!) { createSession(input: $input) { id } }`, {
      input: { title, startsOn: "2026-02-01", villageCode, targetSectors: ["FARMER"] },
    }).then((d) => d.createSession.id as number);

  beforeAll(async () => {
    db = await openSeededDatabase();
    const accounts = new Accounts(db);
    for (const [login, role, regions] of [
      ["vera", "viewer", []],
      ["pak.planner", "planner", [IN]],
      ["ana", "analyst", []],
      ["adi", "admin", []],
    ] as const) {
      await accounts.add({ login, role, regions: [...regions], password: "correct horse battery" });
      tokens.set(
        ({ viewer: "viewer", planner: "planner", analyst: "analyst", admin: "admin" } as const)[role],
        (await accounts.createToken(login, "tests", 1)).token,
      );
    }
    tokens.set("ADMIN_TOKEN", ADMIN);
    for (const kind of ["update", "cancel", "results"])
      for (const [where, village] of [
        ["in region", VILLAGE_IN],
        ["outside", VILLAGE_OUT],
      ] as const)
        sessionIds.set(`${kind} ${where}`, await session(`${kind} ${where}`, village));
  });
  afterAll(() => db?.close());

  const CASES: Record<string, Case> = {
    coverage: { source: `{ coverage(level: VILLAGE, first: 3) { totalCount } }` },
    periods: { source: `{ periods }` },
    coverageSeries: { source: `{ coverageSeries(code: "${IN}", months: 3) { period } }` },
    coverageSummary: { source: `{ coverageSummary(code: "${IN}") { __typename } }` },
    mapValues: { source: `{ mapValues(level: DISTRICT) { code } }` },
    region: { source: `{ region(code: "${IN}") { code } }` },
    regions: { source: `{ regions(level: DISTRICT) { code } }` },
    searchRegions: { source: `{ searchRegions(query: "Cendagah") { code } }` },
    regionGeometries: { source: `{ regionGeometries(level: DISTRICT) }` },
    regionsWithin: { source: `{ regionsWithin(level: VILLAGE, lon: 112.9, lat: -7.0, meters: 1000) { __typename } }` },
    regionsIntersecting: { source: `{ regionsIntersecting(level: DISTRICT, bbox: [112.6, -7.2, 113.2, -6.8]) { code } }` },
    locate: { source: `{ locate(lon: 112.9, lat: -7.0) { __typename } }` },
    fertilizerPoints: { source: `{ fertilizerPoints(regionCode: "${IN}") { id } }` },
    nearestFertilizerPoints: { source: `{ nearestFertilizerPoints(villageCode: "${VILLAGE_IN}") { distanceMeters } }` },
    sessions: { source: `{ sessions { id } }` },
    outreachPlans: { source: `{ outreachPlans { id } }` },
    savedPlan: { source: `query($id: Int!) { savedPlan(id: $id) { id } }`, variables: async () => ({ id: await freshPlan(IN) }) },
    dataQuality: { source: `{ dataQuality(regionCode: "35.26") { regionCode } }` },
    datasetInfo: { source: `{ datasetInfo { synthetic } }` },
    sectors: { source: `{ sectors { code } }` },
    auditLog: { source: `{ auditLog(first: 5) { id action } }` },
    renewals: { source: `{ renewals(level: DISTRICT) { code } }` },
    renewalSeries: { source: `{ renewalSeries(code: "${IN}", months: 3) { period } }` },
    sessionOutcomes: { source: `{ sessionOutcomes(regionCode: "35.26") { __typename } }` },
    fundingScenarios: { source: `{ fundingScenarios { id } }` },
    "fundingScenario (in region)": {
      source: `{ fundingScenario(input: { regionCode: "${IN}", funding: [{ source: APBD, amount: 100000000 }] }) { costPerWorker } }`,
    },
    "fundingScenario (no region)": {
      source: `{ fundingScenario(input: { funding: [{ source: APBD, amount: 100000000 }] }) { costPerWorker } }`,
      outside: "must name a region",
    },
    saveFundingScenario: {
      source: `mutation { saveFundingScenario(name: "roles", input: { funding: [{ source: APBD, amount: 100000000 }] }) { id } }`,
    },
    importFile: { source: `mutation { importFile(kind: WORKFORCE, files: [{ name: "w.csv", text: "not,a,workforce,file" }]) { rows } }` },
  };
  const PLAN = `query($input: PlanInput!) { outreachPlan(input: $input) { totals { uncoveredReached } } }`;
  const BUDGET = `query($input: BudgetInput!) { budgetView(input: $input) { funded } }`;
  for (const [where, region, village] of [
    ["in region", IN, VILLAGE_IN],
    ["outside", OUT, VILLAGE_OUT],
  ] as const) {
    const outside = where === "outside" ? region : undefined;
    const villageOutside = where === "outside" ? village : undefined;
    CASES[`outreachPlan (${where})`] = { source: PLAN, variables: async () => ({ input: PLAN_INPUT(region) }), outside };
    CASES[`budgetView (${where})`] = {
      source: BUDGET,
      variables: async () => ({ input: { budget: 5_000_000, regionCode: region } }),
      outside,
    };
    CASES[`createSession (${where})`] = {
      source: `mutation($input: SessionInput!) { createSession(input: $input) { id } }`,
      variables: async () => ({ input: { title: "new", startsOn: "2026-03-01", villageCode: village, targetSectors: ["FARMER"] } }),
      outside: villageOutside,
    };
    CASES[`updateSession (${where})`] = {
      source: `mutation($id: Int!) { updateSession(id: $id, patch: { notes: "changed" }) { id } }`,
      variables: async () => ({ id: sessionIds.get(`update ${where}`) }),
      outside: villageOutside,
    };
    CASES[`cancelSession (${where})`] = {
      source: `mutation($id: Int!) { cancelSession(id: $id) { id } }`,
      variables: async () => ({ id: sessionIds.get(`cancel ${where}`) }),
      outside: villageOutside,
    };
    CASES[`recordSessionResults (${where})`] = {
      source: `mutation($id: Int!) { recordSessionResults(id: $id, attendance: 20, enrollmentsAttributed: 5) { id } }`,
      variables: async () => ({ id: sessionIds.get(`results ${where}`) }),
      outside: villageOutside,
    };
    CASES[`savePlan (${where})`] = {
      source: `mutation($input: PlanInput!) { savePlan(name: "mine", input: $input) { id } }`,
      variables: async () => ({ input: PLAN_INPUT(region) }),
      outside,
    };
    CASES[`createSessionsFromPlan (${where})`] = {
      source: `mutation($id: Int!) { createSessionsFromPlan(planId: $id) { id } }`,
      variables: async () => ({ id: await freshPlan(region) }),
      outside,
    };
  }
  CASES["outreachPlan (no region)"] = { source: PLAN, variables: async () => ({ input: PLAN_INPUT() }), outside: "must name a region" };

  it("has every root field of the schema in the table", async () => {
    const schema = await getSchema();
    const fields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    const covered = new Set(Object.keys(EXPECTED).map((k) => k.replace(/ \(.*\)$/, "")));
    expect(fields.filter((f) => !covered.has(f))).toEqual([]);
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const fingerprint = async () =>
    (
      await db.sql.query<{ f: string }>(
        `SELECT (SELECT md5(coalesce(string_agg(row_to_json(s)::text, ',' ORDER BY id), '')) FROM outreach_session s)
             || (SELECT md5(coalesce(string_agg(row_to_json(p)::text, ',' ORDER BY id), '')) FROM outreach_plan p) AS f`,
      )
    )[0]!.f;

  it.each(PRINCIPALS.map((p, i) => [p, i] as const))("as %s", async (principal, column) => {
    const got: Record<string, Outcome> = {};
    const wrong: string[] = [];
    for (const [name, c] of Object.entries(CASES)) {
      const variables = c.variables ? await c.variables() : undefined;
      const before = await fingerprint();
      const { errors } = await run(db, c.source, variables, tokens.get(principal), {
        ANONYMOUS_ACCESS: principal === "anonymous (none)" ? "none" : "viewer",
      });
      const code = errors?.[0]?.extensions?.code;
      got[name] = !errors
        ? "ok"
        : code === "UNAUTHENTICATED"
          ? "401"
          : code === "FORBIDDEN"
            ? "403"
            : code === "BAD_USER_INPUT"
              ? "bad"
              : (code as Outcome);
      const expected = EXPECTED[name]![column]!;
      if (got[name] !== expected) wrong.push(`${name}: expected ${expected}, got ${got[name]} ${errors?.[0]?.message ?? ""}`);
      if (got[name] === "401" || got[name] === "403") {
        expect(await fingerprint(), `${name} as ${principal} was refused but changed data`).toBe(before);
        const message = errors![0]!.message;
        // Every refusal says what is needed: the role, or (a planner outside) the region.
        if (principal === "planner" && c.outside) expect(message, name).toContain(c.outside);
        else expect(message, name).toMatch(/needs the role (viewer|planner|analyst|admin)/);
      }
    }
    expect(wrong).toEqual([]);
  });
});
