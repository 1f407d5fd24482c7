// Disclosure control (server/disclosure) on the demo, in both database modes: every small count is
// suppressed in every output anonymous users reach, an attacker recovers none of them by
// subtraction (parent minus children, all sectors minus the other sectors, series, plans), the
// admin token sees the true counts, and MIN_CELL_SIZE=1 publishes everything.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { cellKey } from "../server/disclosure/rule.ts";
import { patternOptions } from "../server/disclosure/disclosure.service.ts";
import { SECTORS, type Sector } from "../domain/vocabulary.ts";
import { ADMIN, run } from "./support/graphql.ts";
import { Accounts } from "../server/people/accounts.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { startApp, type RunningApp } from "./support/http.ts";
import { independentCoverage } from "./support/independent-coverage.ts";
import { bySubtraction, equationsFrom, exactlyDetermined } from "./support/disclosure-attack.ts";

const MIN = 5;
const CENDAGAH = "35.26.05.2013";
const SECTOR_OPTIONS: (Sector | null)[] = [null, ...SECTORS];

const FIGURES = /* GraphQL */ `
  fragment DisclosedFigures on CoverageNode {
    code
    enrolled
    uncovered
    coverageRate
    reliability
    suppressed
  }
`;
const COVERAGE = /* GraphQL */ `
  query DisclosedCoverage($level: RegionLevel!, $sector: Sector, $parentCode: String, $orderBy: CoverageMetric) {
    coverage(level: $level, sector: $sector, parentCode: $parentCode, first: 500, orderBy: $orderBy) {
      total {
        code
        workforce
        enrolled
        uncovered
        coverageRate
        gapToTarget
        suppressed
      }
      edges {
        node {
          ...DisclosedFigures
          workforce
          gapToTarget
          uncoveredPerKm2
          overEnrolled
          bySector {
            sector
            workforce
            enrolled
            uncovered
            coverageRate
            reliability
            suppressed
          }
        }
      }
    }
  }
  ${FIGURES}
`;
const MAP_VALUES = /* GraphQL */ `
  query DisclosedMap($sector: Sector, $within: String) {
    mapValues(level: VILLAGE, sector: $sector, within: $within) {
      ...DisclosedFigures
    }
  }
  ${FIGURES}
`;
const SERIES = /* GraphQL */ `
  query DisclosedSeries($code: String, $sector: Sector) {
    coverageSeries(code: $code, sector: $sector, months: 24) {
      period
      workforce
      enrolled
      coverageRate
      suppressed
    }
  }
`;
const SUMMARY = /* GraphQL */ `
  query DisclosedSummary($code: String) {
    coverageSummary(code: $code) {
      enrolled
      uncovered
      coverageRate
      suppressed
      enrolledChange12m
      bySector {
        sector
        enrolled
        uncovered
        coverageRate
        reliability
        suppressed
      }
    }
  }
`;
const INFO = /* GraphQL */ `
  query DisclosureInfo {
    datasetInfo {
      minCellSize
      countsSuppressed
      latestPeriod
    }
  }
`;
const PLAN = /* GraphQL */ `
  fragment DisclosedVillage on PlanVillage {
    code
    uncovered
    suppressed
  }
  query DisclosedPlan($input: PlanInput!) {
    outreachPlan(input: $input) {
      sites {
        uncoveredReached
        villages {
          ...DisclosedVillage
        }
      }
      villagesLeftOut {
        ...DisclosedVillage
      }
      totals {
        uncoveredReached
        uncoveredInRegion
      }
    }
  }
`;
const BUDGET = /* GraphQL */ `
  query DisclosedBudget($input: BudgetInput!) {
    budgetView(input: $input) {
      allocations {
        villageCode
        sector
        uncovered
        funded
      }
      coverageBySector {
        sector
        workforce
        enrolledBefore
      }
    }
  }
`;

type Node = {
  code: string;
  enrolled: number | null;
  uncovered: number | null;
  coverageRate: number | null;
  suppressed: boolean;
  reliability?: string;
};

describe("disclosure control", () => {
  let db: Database;
  /** True enrolled counts, computed here from the raw tables: cell key -> count. */
  const truth = new Map<string, number>();
  let villageCodes: string[] = [];
  let month = "";
  let analyst = "";

  beforeAll(async () => {
    db = await openSeededDatabase();
    // Plans and budget views need a planner, analyst or admin: an analyst sees suppressed counts (the default).
    const accounts = new Accounts(db);
    await accounts.add({ login: "ana", role: "analyst", regions: [], password: "correct horse battery" });
    analyst = (await accounts.createToken("ana", "tests", 1)).token;
    month = ((await run(db, INFO, {}, undefined, { MIN_CELL_SIZE: MIN })).data as any).datasetInfo.latestPeriod;
    for (const sector of SECTOR_OPTIONS) {
      for (const level of ["VILLAGE", "DISTRICT", "REGENCY"] as const) {
        for (const r of await independentCoverage(db, { level, sector, month })) truth.set(cellKey(r.code, sector), r.enrolled);
      }
      const regency = truth.get(cellKey("35.26", sector))!;
      truth.set(cellKey("35", sector), regency); // the demo's one regency: the province and the nation are the same count
      truth.set(cellKey("", sector), regency);
    }
    villageCodes = [...truth.keys()].filter((k) => k.endsWith("|ALL") && k.length === 13 + 4).map((k) => k.slice(0, 13));
  });
  afterAll(() => db?.close());

  /** Everything anonymous users see of the latest month's counts: cell key -> count (null: suppressed). */
  async function published(token?: string): Promise<Map<string, number | null>> {
    const seen = new Map<string, number | null>();
    const see = (key: string, n: Node | { enrolled: number | null; suppressed: boolean }) => {
      if (seen.has(key)) expect(n.enrolled, `${key} shown twice differently`).toBe(seen.get(key));
      seen.set(key, n.enrolled);
    };
    for (const sector of SECTOR_OPTIONS) {
      for (const level of ["PROVINCE", "REGENCY", "DISTRICT", "VILLAGE"]) {
        const { data, errors } = await run(db, COVERAGE, { level, sector }, token, { MIN_CELL_SIZE: MIN });
        expect(errors).toBeUndefined();
        const c = (data as any).coverage;
        see(cellKey("", sector), c.total);
        for (const { node } of c.edges) {
          see(cellKey(node.code, sector), node);
          if (sector === null) for (const s of node.bySector) see(cellKey(node.code, s.sector), s);
        }
      }
      for (const district of new Set(villageCodes.map((c) => c.slice(0, 8)))) {
        const { data } = await run(db, COVERAGE, { level: "VILLAGE", sector, parentCode: district }, token, { MIN_CELL_SIZE: MIN });
        see(cellKey(district, sector), (data as any).coverage.total);
      }
    }
    return seen;
  }

  it("suppresses every count of 1 to 4 and shows every other count as it is (coverage, totals, by sector)", async () => {
    const seen = await published();
    const small = [...truth].filter(([, n]) => n > 0 && n < MIN);
    expect(small.length).toBeGreaterThan(40); // the issue counts 52 small village x sector cells
    for (const [key] of small) expect(seen.get(key), key).toBeNull();
    for (const [key, n] of seen) if (n !== null) expect(n, key).toBe(truth.get(key) ?? 0);
    // Cendagah's livestock: 1 enrolled (its workforce, published, read from the raw tables too).
    expect(truth.get(cellKey(CENDAGAH, "LIVESTOCK"))).toBe(1);
    const [raw] = (await independentCoverage(db, { level: "VILLAGE", sector: "LIVESTOCK", month })).filter((r) => r.code === CENDAGAH);
    const { data } = await run(db, COVERAGE, { level: "VILLAGE", sector: "LIVESTOCK", parentCode: "35.26.05" }, undefined, {
      MIN_CELL_SIZE: MIN,
    });
    const cendagah = (data as any).coverage.edges.find((e: any) => e.node.code === CENDAGAH).node;
    expect(cendagah).toMatchObject({ enrolled: null, uncovered: null, coverageRate: null, gapToTarget: null, uncoveredPerKm2: null });
    expect(cendagah).toMatchObject({ reliability: "SUPPRESSED", suppressed: true, overEnrolled: false, workforce: raw.workforce });
  });

  it("gives no suppressed count back by subtraction, nor by any combination of the published figures", async () => {
    const seen = await published();
    const equations = equationsFrom(villageCodes.map((code) => ({ code })));
    expect(bySubtraction(equations, seen)).toEqual(new Map());
    const hidden = new Set([...seen].filter(([, n]) => n === null).map(([k]) => k));
    expect(exactlyDetermined(equations, hidden)).toEqual([]);
  });

  it("is needed: without complementary suppression the attacker recovers true small counts (break-check)", async () => {
    patternOptions.complementary = false;
    try {
      const seen = await published();
      const recovered = bySubtraction(equationsFrom(villageCodes.map((code) => ({ code }))), seen);
      expect(recovered.size).toBeGreaterThan(0);
      for (const [key, n] of recovered) expect(n, key).toBe(truth.get(key));
    } finally {
      delete patternOptions.complementary;
    }
  });

  it("suppresses the same cells on the map (mapValues)", async () => {
    for (const sector of SECTOR_OPTIONS) {
      const { data } = await run(db, MAP_VALUES, { sector }, undefined, { MIN_CELL_SIZE: MIN });
      for (const n of (data as any).mapValues as Node[]) {
        const t = truth.get(cellKey(n.code, sector)) ?? 0;
        if (t > 0 && t < MIN) expect(n, n.code).toMatchObject({ enrolled: null, uncovered: null, coverageRate: null, suppressed: true });
        if (!n.suppressed) expect(n.enrolled).toBe(t);
      }
    }
  });

  it("suppresses the monthly series, and no month's count comes back from the series of the parts", async () => {
    const district = CENDAGAH.slice(0, 8);
    const villages = villageCodes.filter((c) => c.startsWith(`${district}.`));
    const series = new Map<string, Map<string, number | null>>(); // period -> cell key -> count
    const note = (code: string, sector: Sector | null, points: any[]) => {
      for (const p of points) {
        const month = series.get(p.period) ?? new Map();
        month.set(cellKey(code, sector), p.enrolled);
        series.set(p.period, month);
        if (p.enrolled !== null) expect(p.enrolled === 0 || p.enrolled >= MIN, `${code} ${sector} ${p.period}`).toBe(true);
        expect(p.suppressed).toBe(p.enrolled === null);
      }
    };
    for (const sector of SECTOR_OPTIONS) {
      for (const code of [district, ...villages])
        note(code, sector, ((await run(db, SERIES, { code, sector }, undefined, { MIN_CELL_SIZE: MIN })).data as any).coverageSeries);
    }
    const latest = series.get(month)!;
    expect(latest.get(cellKey(CENDAGAH, "LIVESTOCK"))).toBeNull();
    // The district's series against its villages' series, and each all-sector series against its sector series.
    const equations = equationsFrom(villages.map((code) => ({ code }))).filter(
      (eq) => eq.total.startsWith(district) && eq.parts.every((p) => p.startsWith(district)),
    );
    for (const [period, cells] of series) expect(bySubtraction(equations, cells), period).toEqual(new Map());
  });

  it("suppresses the headline summary's counts and its change over 12 months", async () => {
    const { data } = await run(db, SUMMARY, { code: CENDAGAH }, undefined, { MIN_CELL_SIZE: MIN });
    const s = (data as any).coverageSummary;
    expect(s.bySector.find((b: any) => b.sector === "LIVESTOCK")).toMatchObject({ enrolled: null, uncovered: null, suppressed: true });
    const all = truth.get(cellKey(CENDAGAH, null))!;
    if (s.suppressed) expect(s).toMatchObject({ enrolled: null, enrolledChange12m: null });
    else expect(s.enrolled).toBe(all);
  });

  it("plans and budgets on published cells only: no suppressed village figure, and every sum adds up without them", async () => {
    const input = {
      sectors: ["LIVESTOCK"],
      regionCode: "35.26.05",
      candidates: "FERTILIZER_POINTS_AND_VILLAGES",
      sessions: 50,
      maxDistanceKm: 50,
    };
    const plan = ((await run(db, PLAN, { input }, analyst, { MIN_CELL_SIZE: MIN })).data as any).outreachPlan;
    const villages = [...plan.sites.flatMap((s: any) => s.villages), ...plan.villagesLeftOut];
    for (const v of villages) {
      const t = truth.get(cellKey(v.code, "LIVESTOCK")) ?? 0;
      if (t > 0 && t < MIN) expect(v, v.code).toMatchObject({ uncovered: null, suppressed: true });
    }
    for (const s of plan.sites) expect(s.uncoveredReached).toBe(s.villages.reduce((a: number, v: any) => a + (v.uncovered ?? 0), 0));
    // With the admin token the same plan shows small cells' figures (so the check above had something to hide).
    const admin = ((await run(db, PLAN, { input }, ADMIN, { MIN_CELL_SIZE: MIN })).data as any).outreachPlan;
    const adminVillages = [...admin.sites.flatMap((s: any) => s.villages), ...admin.villagesLeftOut];
    const small = adminVillages.filter((v: any) => {
      const t = truth.get(cellKey(v.code, "LIVESTOCK")) ?? 0;
      return t > 0 && t < MIN;
    });
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((v: any) => v.uncovered !== null && !v.suppressed)).toBe(true);

    const budget = (
      (
        await run(db, BUDGET, { input: { budget: 1e12, sectors: ["LIVESTOCK"], regionCode: "35.26.05" } }, analyst, {
          MIN_CELL_SIZE: MIN,
        })
      ).data as any
    ).budgetView;
    const seen = await published();
    const publishedVillages = villageCodes.filter((c) => c.startsWith("35.26.05.") && seen.get(cellKey(c, "LIVESTOCK")) !== null);
    for (const a of budget.allocations) expect(publishedVillages).toContain(a.villageCode);
    expect(budget.coverageBySector[0].enrolledBefore).toBe(
      publishedVillages.reduce((s, c) => s + (seen.get(cellKey(c, "LIVESTOCK")) ?? 0), 0),
    );
  });

  it("shows the true counts with the admin token, and everything with MIN_CELL_SIZE=1", async () => {
    for (const [token, min] of [
      [ADMIN, MIN],
      [undefined, 1],
    ] as const) {
      const { data } = await run(db, COVERAGE, { level: "VILLAGE", sector: "LIVESTOCK", parentCode: "35.26.05" }, token, {
        MIN_CELL_SIZE: min,
      });
      const nodes = (data as any).coverage.edges.map((e: any) => e.node);
      expect(nodes.find((n: any) => n.code === CENDAGAH)).toMatchObject({ enrolled: 1, suppressed: false, reliability: "SMALL_WORKFORCE" });
      expect(nodes.every((n: any) => !n.suppressed && n.enrolled === truth.get(cellKey(n.code, "LIVESTOCK")))).toBe(true);
      const info = ((await run(db, INFO, {}, token, { MIN_CELL_SIZE: min })).data as any).datasetInfo;
      expect(info).toMatchObject({ minCellSize: min, countsSuppressed: false });
    }
    expect(((await run(db, INFO, {}, undefined, { MIN_CELL_SIZE: MIN })).data as any).datasetInfo).toMatchObject({
      minCellSize: MIN,
      countsSuppressed: true,
    });
  });

  it("costs no statement more than unsuppressed once the pattern is computed (the data version is read once per request either way; no N+1)", async () => {
    const vars = { level: "VILLAGE" };
    await run(db, COVERAGE, vars, undefined, { MIN_CELL_SIZE: MIN }); // computes and keeps the pattern
    db.statements.reset();
    await run(db, COVERAGE, vars, ADMIN, { MIN_CELL_SIZE: MIN });
    const unsuppressed = db.statements.count;
    db.statements.reset();
    await run(db, COVERAGE, vars, undefined, { MIN_CELL_SIZE: MIN });
    expect(db.statements.count).toBe(unsuppressed);
  });
});

describe("disclosure control over HTTP: CSV and the response cache", () => {
  let db: Database;
  let app: RunningApp;
  beforeAll(async () => {
    db = await openSeededDatabase();
    app = await startApp(db); // MIN_CELL_SIZE: the default, 5
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("writes a suppressed cell as an empty count in the CSV, the true count with the admin token", async () => {
    const url = `${app.url}/export/coverage.csv?level=VILLAGE&sector=LIVESTOCK&parentCode=35.26.05`;
    const row = async (headers: Record<string, string>) => {
      const rows = parse(await (await fetch(url, { headers })).text(), { columns: true }) as Record<string, string>[];
      return rows.find((r) => r.code === CENDAGAH)!;
    };
    expect(await row({})).toMatchObject({ enrolled: "", uncovered: "", coverageRate: "", reliability: "SUPPRESSED", suppressed: "true" });
    expect(await row({ authorization: `Bearer ${ADMIN}` })).toMatchObject({ enrolled: "1", suppressed: "false" });
  });

  it("never answers one from the cache with the other's answer", async () => {
    const body = JSON.stringify({
      query: `{ coverage(level: VILLAGE, sector: LIVESTOCK, parentCode: "35.26.05", first: 500) { edges { node { code enrolled } } } }`,
    });
    const ask = async (headers: Record<string, string>) => {
      const res = await fetch(`${app.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
      const json = (await res.json()) as any;
      return json.data.coverage.edges.find((e: any) => e.node.code === CENDAGAH).node.enrolled;
    };
    for (let i = 0; i < 2; i++) {
      expect(await ask({})).toBeNull();
      expect(await ask({ authorization: `Bearer ${ADMIN}` })).toBe(1);
    }
  });
});
