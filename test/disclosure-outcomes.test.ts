// Disclosure control on issue 17's outputs (lapses and renewals, the map's renewal measures, sessions
// and their outcomes, funding scenarios), for anonymous users and viewers: every small count is
// suppressed, every published count is the true one (read here from the raw tables), and the
// attacker of test/support/disclosure-attack.ts recovers nothing by subtraction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/db/database.ts";
import { cellKey } from "../server/disclosure/rule.ts";
import { patternOptions } from "../server/disclosure/disclosure.service.ts";
import { SECTORS, type Sector } from "../domain/vocabulary.ts";
import { ADMIN, run } from "./support/graphql.ts";
import { Accounts } from "../server/people/accounts.ts";
import { openSeededDatabase } from "./support/seeded.ts";
import { independentCoverage } from "./support/independent-coverage.ts";
import { INDEPENDENT, type Expected } from "./support/independent-renewals.ts";
import { bySubtraction, equationsFrom, exactlyDetermined } from "./support/disclosure-attack.ts";

const MIN = 5;
const CENDAGAH = "35.26.05.2013";
const DISTRICT = CENDAGAH.slice(0, 8);
const SECTOR_OPTIONS: (Sector | null)[] = [null, ...SECTORS];
const small = (n: number) => n > 0 && n < MIN;

const MEASURES = ["active", "endingIn1Month", "endingIn2Months", "endingIn3Months", "lapsed", "renewed"] as const;
type Measure = (typeof MEASURES)[number];
const TRUE_COLUMN: Record<Measure, keyof Expected> = {
  active: "active",
  endingIn1Month: "e1",
  endingIn2Months: "e2",
  endingIn3Months: "e3",
  lapsed: "lapsed",
  renewed: "renewed",
};
const FIGURES = MEASURES.join(" ");
const RENEWALS = `query R($level: RegionLevel!, $sector: Sector, $period: String) {
  renewals(level: $level, sector: $sector, period: $period) { code ${FIGURES} renewalRate suppressed bySector { sector ${FIGURES} renewalRate suppressed } }
}`;
const SERIES = `query S($code: String, $sector: Sector) { renewalSeries(code: $code, sector: $sector, months: 6) { period active renewed lapsed renewalRate suppressed } }`;
const MAP = `query M($sector: Sector) { mapValues(level: VILLAGE, sector: $sector) { code endingSoon(months: 3) lapsed } }`;
const SESSIONS = `{ sessions(status: HELD) { id villageCode attendance enrollmentsAttributed suppressed } }`;
const OUTCOMES = `query O($from: String, $to: String) {
  sessionOutcomes(regionCode: "35.26", from: $from, to: $to) {
    sessions { sessionId districtCode attendance enrollmentsAttributed differenceFromForecast suppressed
      followed { reachedBefore reachedAfter comparisonBefore comparisonAfter estimate suppressed } }
    districts { code attendance enrollmentsAttributed suppressedSessions }
    total { attendance enrollmentsAttributed suppressedSessions }
  }
}`;
const SCENARIO_FIELDS = `renewal { active cost suppressed bySource { source active cost suppressed } bySector { sector active cost suppressed } } totalCost`;
const SCENARIO = `query F($input: ScenarioInput!) { fundingScenario(input: $input) { ${SCENARIO_FIELDS} } }`;
const SAVE_SCENARIO = `mutation V($input: ScenarioInput!) { saveFundingScenario(name: "small cells", input: $input) { id } }`;
const SAVED = `query D($ids: [Int!]) { fundingScenarios(ids: $ids) { scenario { ${SCENARIO_FIELDS} } } }`;

/** Village x sector counts summed up the code tree and over sectors, as the tests see the truth. */
function summedUp(rows: readonly { code: string; sector: string; n: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (k: string, n: number) => out.set(k, (out.get(k) ?? 0) + n);
  for (const r of rows) {
    const segments = r.code.split(".");
    for (let i = 1; i <= segments.length; i++) {
      add(cellKey(segments.slice(0, i).join("."), r.sector as Sector), r.n);
      add(cellKey(segments.slice(0, i).join("."), null), r.n);
    }
  }
  return out;
}

describe("disclosure control on lapses, renewals, sessions, outcomes and funding scenarios", () => {
  let db: Database;
  let viewer = "";
  let month = "";
  let villageCodes: string[] = [];
  /** Who the attacker is: anonymous, and a viewer's token. */
  let readers: [string, string | undefined][] = [];
  const q = (source: string, variables: Record<string, unknown>, token?: string) =>
    run(db, source, variables, token, { MIN_CELL_SIZE: MIN });

  beforeAll(async () => {
    db = await openSeededDatabase();
    const accounts = new Accounts(db);
    await accounts.add({ login: "vera", role: "viewer", regions: [], password: "correct horse battery" });
    viewer = (await accounts.createToken("vera", "tests", 1)).token;
    readers = [
      ["anonymous", undefined],
      ["viewer", viewer],
    ];
    month = ((await q(`{ datasetInfo { latestPeriod } }`, {})).data as any).datasetInfo.latestPeriod;
    villageCodes = (await db.sql.query<{ code: string }>(`SELECT code FROM region WHERE level = 'VILLAGE' ORDER BY code`)).map(
      (r) => r.code,
    );
  });
  afterAll(() => db?.close());

  /** The attacker's equations, without the nation (no output of these gives it). */
  const equations = () => equationsFrom(villageCodes.map((code) => ({ code }))).filter((eq) => eq.total.split("|")[0] !== "");

  describe("lapses and renewals", () => {
    const truth = new Map<string, Map<string, number>>();
    beforeAll(async () => {
      const rows = await db.sql.query<Expected>(INDEPENDENT, [month, 13]);
      for (const m of MEASURES)
        truth.set(m, summedUp(rows.map((r) => ({ code: r.code, sector: r.sector, n: r[TRUE_COLUMN[m]] as number }))));
    });

    /** Every renewal count the reader sees at every level and sector option: measure -> cell key -> count (null: suppressed). */
    async function published(token?: string): Promise<Map<string, Map<string, number | null>>> {
      const seen = new Map(MEASURES.map((m) => [m as string, new Map<string, number | null>()]));
      const see = (code: string, sector: Sector | null, figures: any) => {
        for (const m of MEASURES) {
          const map = seen.get(m)!;
          const key = cellKey(code, sector);
          if (map.has(key)) expect(figures[m], `${m} ${key} shown twice differently`).toBe(map.get(key));
          map.set(key, figures[m]);
        }
        if (figures.lapsed === null || figures.renewed === null) expect(figures.renewalRate).toBeNull();
        expect(figures.suppressed).toBe(MEASURES.some((m) => figures[m] === null));
      };
      for (const sector of SECTOR_OPTIONS) {
        for (const level of ["PROVINCE", "REGENCY", "DISTRICT", "VILLAGE"]) {
          const { data, errors } = await q(RENEWALS, { level, sector, period: month }, token);
          expect(errors).toBeUndefined();
          for (const r of (data as any).renewals) {
            see(r.code, sector, r);
            if (sector === null) for (const s of r.bySector) see(r.code, s.sector, s);
          }
        }
      }
      // The cumulative "ending in" counts as bands (ending in month 1, 2, 3): what differences of them give.
      const e = (m: Measure) => seen.get(m)!;
      const band = (hi: Measure, lo: Measure) =>
        new Map([...e(hi)].map(([k, n]) => [k, n === null || e(lo).get(k) === null ? null : n - e(lo).get(k)!]));
      seen.set("band2", band("endingIn2Months", "endingIn1Month"));
      seen.set("band3", band("endingIn3Months", "endingIn2Months"));
      return seen;
    }

    const trueBand = (hi: Measure, lo: Measure) => new Map([...truth.get(hi)!].map(([k, n]) => [k, n - (truth.get(lo)!.get(k) ?? 0)]));
    const truthOf = (m: string) =>
      m === "band2"
        ? trueBand("endingIn2Months", "endingIn1Month")
        : m === "band3"
          ? trueBand("endingIn3Months", "endingIn2Months")
          : truth.get(m)!;

    it("suppresses every count of 1 to 4 (and every difference of the 'ending in' counts that small), shows the others as they are", async () => {
      for (const [who, token] of readers) {
        const seen = await published(token);
        for (const [m, cells] of seen) {
          const t = truthOf(m);
          const smallCells = [...t].filter(([, n]) => small(n));
          if (m !== "band3") expect(smallCells.length, `${m}: small cells to hide`).toBeGreaterThan(0);
          for (const [key] of smallCells) if (cells.has(key)) expect(cells.get(key), `${who} ${m} ${key}`).toBeNull();
          for (const [key, n] of cells) if (n !== null) expect(n, `${who} ${m} ${key}`).toBe(t.get(key) ?? 0);
        }
      }
    });

    it("gives no suppressed count back by subtraction, nor by any combination of the published figures", async () => {
      const eqs = equations();
      for (const [who, token] of readers) {
        for (const [m, cells] of await published(token)) {
          expect(bySubtraction(eqs, cells), `${who} ${m}`).toEqual(new Map());
          const hidden = new Set([...cells].filter(([, n]) => n === null).map(([k]) => k));
          expect(exactlyDetermined(eqs, hidden), `${who} ${m}`).toEqual([]);
        }
      }
    });

    it("is needed: without complementary suppression the attacker recovers true lapse and renewal counts (break-check)", async () => {
      patternOptions.complementary = false;
      try {
        let recovered = 0;
        for (const [m, cells] of await published()) {
          for (const [key, n] of bySubtraction(equations(), cells)) {
            expect(n, `${m} ${key}`).toBe(truthOf(m).get(key) ?? 0);
            recovered++;
          }
        }
        expect(recovered).toBeGreaterThan(0);
      } finally {
        delete patternOptions.complementary;
      }
    });

    it("suppresses the map's 'ending soon' and 'lapsed' measures the same way", async () => {
      for (const [who, token] of readers) {
        for (const sector of SECTOR_OPTIONS) {
          const { data } = await q(MAP, { sector }, token);
          for (const n of (data as any).mapValues) {
            const key = cellKey(n.code, sector);
            for (const [field, m] of [
              ["endingSoon", "endingIn3Months"],
              ["lapsed", "lapsed"],
            ] as const) {
              const t = truth.get(m)!.get(key) ?? 0;
              if (small(t)) expect(n[field], `${who} ${field} ${key}`).toBeNull();
              if (n[field] !== null) expect(n[field], `${who} ${field} ${key}`).toBe(t);
            }
          }
        }
      }
    });

    it("suppresses the monthly series: small months null, the rest as the admin sees them, none back from the villages' series", async () => {
      const villages = villageCodes.filter((c) => c.startsWith(`${DISTRICT}.`));
      const eqs = equationsFrom(villages.map((code) => ({ code }))).filter(
        (eq) => eq.total.startsWith(DISTRICT) && eq.parts.every((p) => p.startsWith(DISTRICT)),
      );
      for (const [who, token] of readers) {
        const byPeriod = new Map<string, Map<string, Map<string, number | null>>>(); // measure -> period -> cell -> count
        let hidden = 0;
        for (const sector of SECTOR_OPTIONS) {
          for (const code of [DISTRICT, ...villages]) {
            const mine = ((await q(SERIES, { code, sector }, token)).data as any).renewalSeries;
            const admin = ((await q(SERIES, { code, sector }, ADMIN)).data as any).renewalSeries;
            expect(mine.map((p: any) => p.period)).toEqual(admin.map((p: any) => p.period));
            for (const [i, p] of mine.entries()) {
              for (const m of ["active", "renewed", "lapsed"]) {
                const truthNow = admin[i][m] as number;
                if (small(truthNow)) expect(p[m], `${who} ${code} ${sector} ${p.period} ${m}`).toBeNull();
                if (p[m] !== null) expect(p[m]).toBe(truthNow);
                else hidden++;
                const periods = byPeriod.get(m) ?? new Map();
                const cells = periods.get(p.period) ?? new Map();
                cells.set(cellKey(code, sector), p[m]);
                periods.set(p.period, cells);
                byPeriod.set(m, periods);
              }
              expect(p.suppressed).toBe(p.active === null || p.renewed === null || p.lapsed === null);
            }
          }
        }
        expect(hidden).toBeGreaterThan(0);
        for (const [m, periods] of byPeriod)
          for (const [period, cells] of periods) expect(bySubtraction(eqs, cells), `${who} ${m} ${period}`).toEqual(new Map());
      }
    });
  });

  describe("sessions and their outcomes", () => {
    type Held = { id: number; village_code: string; plan_id: number | null; attendance: number; enrolled: number };
    let held: Held[] = [];
    beforeAll(async () => {
      // Held sessions with small recorded counts, in two districts, next to the demo's own.
      const inDistrict = (d: string) => villageCodes.filter((c) => c.startsWith(`${d}.`));
      const plan: [string, number, number][] = [
        [inDistrict(DISTRICT)[0]!, 3, 1],
        [inDistrict(DISTRICT)[1]!, 40, 12],
        [inDistrict(DISTRICT)[1]!, 25, 6],
        [inDistrict("35.26.01")[0]!, 30, 2],
        [inDistrict("35.26.01")[2]!, 50, 20],
        [inDistrict("35.26.01")[3]!, 60, 25],
      ];
      for (const [i, [villageCode, attendance, enrolled]] of plan.entries()) {
        const input = { title: `small ${i}`, startsOn: `2025-0${3 + (i % 3)}-1${i}`, villageCode, targetSectors: ["FARMER"] };
        const created = await run(db, `mutation C($input: SessionInput!) { createSession(input: $input) { id } }`, { input }, ADMIN);
        expect(created.errors).toBeUndefined();
        const id = (created.data as any).createSession.id;
        const recorded = await run(
          db,
          `mutation R($id: Int!, $a: Int!, $e: Int!) { recordSessionResults(id: $id, attendance: $a, enrollmentsAttributed: $e) { id } }`,
          { id, a: attendance, e: enrolled },
          ADMIN,
        );
        expect(recorded.errors).toBeUndefined();
      }
      held = await db.sql.query<Held>(
        `SELECT id, village_code, plan_id, attendance, enrollments_attributed AS enrolled FROM outreach_session WHERE status = 'HELD'`,
      );
    });

    /** The groups a session adds up into (village and the regions above it, its plan): written here from the codes. */
    const groupsOf = (s: Held) => {
      const parts = s.village_code.split(".");
      return [...parts.map((_, i) => parts.slice(0, i + 1).join(".")), ...(s.plan_id === null ? [] : [`plan ${s.plan_id}`])];
    };

    function checkSessions(
      who: string,
      shown: { id: number; attendance: number | null; enrollmentsAttributed: number | null; suppressed: boolean }[],
    ) {
      const truth = new Map(held.map((s) => [s.id, s]));
      for (const s of shown) {
        const t = truth.get(s.id)!;
        if (small(t.attendance)) expect(s.attendance, `${who} session ${s.id} attendance`).toBeNull();
        if (small(t.enrolled)) expect(s.enrollmentsAttributed, `${who} session ${s.id} enrolled`).toBeNull();
        if (s.attendance !== null) expect(s.attendance).toBe(t.attendance);
        if (s.enrollmentsAttributed !== null) expect(s.enrollmentsAttributed).toBe(t.enrolled);
        expect(s.suppressed).toBe(s.attendance === null || s.enrollmentsAttributed === null || (s as any).followed?.suppressed === true);
      }
      // Complementary suppression: no group of two or more held sessions hides exactly one of them.
      const byId = new Map(shown.map((s) => [s.id, s]));
      for (const field of ["attendance", "enrollmentsAttributed"] as const) {
        const groups = new Map<string, Held[]>();
        for (const s of held) for (const g of groupsOf(s)) groups.set(g, [...(groups.get(g) ?? []), s]);
        for (const [g, members] of groups) {
          if (members.length < 2 || !members.every((m) => byId.has(m.id))) continue;
          const hidden = members.filter((m) => byId.get(m.id)![field] === null).length;
          expect(hidden, `${who} ${field}: ${g} hides exactly one of its sessions`).not.toBe(1);
        }
      }
      return shown.filter((s) => s.attendance === null || s.enrollmentsAttributed === null).length;
    }

    it("suppresses small attendance and enrollments attributed in the session list, and no group hides just one", async () => {
      for (const [who, token] of readers) {
        const { data, errors } = await q(SESSIONS, {}, token);
        expect(errors).toBeUndefined();
        const shown = (data as any).sessions;
        expect(shown).toHaveLength(held.length);
        expect(checkSessions(who, shown)).toBeGreaterThan(0);
      }
      // The admin sees the recorded counts.
      const admin = ((await q(SESSIONS, {}, ADMIN)).data as any).sessions;
      expect(admin.every((s: any) => !s.suppressed && s.attendance === held.find((h) => h.id === s.id)!.attendance)).toBe(true);
    });

    it("is needed: without complementary suppression a district would hide a single session (break-check)", async () => {
      patternOptions.complementary = false;
      try {
        const shown = ((await q(SESSIONS, {})).data as any).sessions;
        expect(() => checkSessions("anonymous", shown)).toThrow(/hides exactly one/);
      } finally {
        delete patternOptions.complementary;
      }
    });

    it("suppresses outcomes per session, totals add up only published figures, whatever the days asked", async () => {
      for (const [who, token] of readers) {
        for (const window of [{}, { from: "2025-03-01", to: "2025-04-30" }, { from: "2025-05-12", to: "2025-05-12" }]) {
          const { data, errors } = await q(OUTCOMES, window, token);
          expect(errors).toBeUndefined();
          const report = (data as any).sessionOutcomes;
          const admin = ((await q(OUTCOMES, window, ADMIN)).data as any).sessionOutcomes;
          const shown = report.sessions.map((s: any) => ({ ...s, id: s.sessionId }));
          checkSessions(who, shown);
          for (const [i, s] of report.sessions.entries()) {
            const truth = admin.sessions[i];
            expect(s.sessionId).toBe(truth.sessionId);
            for (const k of ["reachedBefore", "reachedAfter", "comparisonBefore", "comparisonAfter"]) {
              if (small(truth.followed[k])) expect(s.followed[k], `${who} ${s.sessionId} ${k}`).toBeNull();
              if (s.followed[k] !== null) expect(s.followed[k]).toBe(truth.followed[k]);
            }
            if (s.followed.suppressed) expect(s.followed.estimate).toBeNull();
            if (s.enrollmentsAttributed === null) expect(s.differenceFromForecast).toBeNull();
          }
          // Totals: the published sessions' figures, read from the raw rows, and how many were left out.
          const trueOf = new Map(held.map((h) => [h.id, h]));
          const sum = (list: any[], field: "attendance" | "enrollmentsAttributed") =>
            list.reduce(
              (a, s) =>
                a +
                (s[field] === null ? 0 : field === "attendance" ? trueOf.get(s.sessionId)!.attendance : trueOf.get(s.sessionId)!.enrolled),
              0,
            );
          const groups = [
            ...report.districts.map((d: any) => ({ d, list: report.sessions.filter((s: any) => s.districtCode === d.code) })),
            { d: { ...report.total, code: "all" }, list: report.sessions },
          ];
          for (const { d, list } of groups) {
            expect([d.attendance, d.enrollmentsAttributed, d.suppressedSessions], `${who} ${d.code}`).toEqual([
              sum(list, "attendance"),
              sum(list, "enrollmentsAttributed"),
              list.filter((s: any) => s.suppressed).length,
            ]);
          }
        }
      }
    });
  });

  describe("funding scenarios", () => {
    const SOURCES_SQL = `
      SELECT e.funding_source::text AS source, count(*)::int AS n FROM enrollment e
      WHERE (e.village_code = $1 OR e.village_code LIKE $1 || '.%') AND e.sector_code = ANY($2::text[])
        AND e.start_date <= (to_date($3 || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date
        AND (e.end_date IS NULL OR e.end_date > (to_date($3 || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date)
      GROUP BY 1`;
    const sectors = ["FARMER", "LIVESTOCK", "FISHER"] as const;

    async function check(who: string, scenario: any, region: string) {
      const level = region.length === 13 ? "VILLAGE" : region.length === 8 ? "DISTRICT" : "REGENCY";
      let anyHidden = false;
      for (const s of scenario.renewal.bySector) {
        const [t] = (await independentCoverage(db, { level, sector: s.sector, month })).filter((r) => r.code === region);
        const coverage = (
          (
            await q(
              `query C($s: Sector, $p: String) { coverage(level: ${level}, sector: $s, parentCode: $p, first: 500) { edges { node { code enrolled } } } }`,
              { s: s.sector, p: region.slice(0, region.lastIndexOf(".")) },
            )
          ).data as any
        ).coverage.edges.find((e: any) => e.node.code === region).node;
        // A sector's active workers are the region's coverage cell: suppressed exactly when coverage suppresses it.
        expect(s.active, `${who} ${region} ${s.sector}`).toBe(coverage.enrolled);
        if (small(t?.enrolled ?? 0)) expect(s.active, `${who} ${region} ${s.sector}`).toBeNull();
        if (s.active !== null) expect(s.active).toBe(t?.enrolled ?? 0);
        expect(s.cost === null).toBe(s.active === null);
        anyHidden ||= s.active === null;
      }
      const sources = await db.sql.query<{ source: string; n: number }>(SOURCES_SQL, [region, sectors, month]);
      const total = sources.reduce((a, s) => a + s.n, 0);
      expect(scenario.renewal.active, `${who} ${region} total`).toBe(anyHidden ? null : total);
      expect(scenario.totalCost === null).toBe(scenario.renewal.active === null);
      const seen = new Map<string, number | null>([["total", scenario.renewal.active]]);
      for (const s of scenario.renewal.bySource) {
        const t = sources.find((x) => x.source === s.source)!.n;
        if (small(t)) expect(s.active, `${who} ${region} ${s.source}`).toBeNull();
        if (s.active !== null) expect(s.active).toBe(t);
        seen.set(s.source, s.active);
      }
      const eq = [{ total: "total", parts: scenario.renewal.bySource.map((s: any) => s.source) }];
      expect(bySubtraction(eq, seen), `${who} ${region} payers`).toEqual(new Map());
      return anyHidden;
    }

    it("suppresses active workers by sector as coverage does, the total with them, and no payer comes back", async () => {
      let hidden = 0;
      for (const [who, token] of readers) {
        for (const region of [CENDAGAH, DISTRICT, "35.26.01", "35.26"]) {
          const { data, errors } = await q(SCENARIO, { input: { regionCode: region, sectors } }, token);
          expect(errors).toBeUndefined();
          if (await check(who, (data as any).fundingScenario, region)) hidden++;
        }
      }
      expect(hidden).toBeGreaterThan(0);
    });

    it("saves a scenario as every reader sees it, even when the admin saves it", async () => {
      const saved = await q(SAVE_SCENARIO, { input: { regionCode: CENDAGAH, sectors } }, ADMIN);
      expect(saved.errors).toBeUndefined();
      const id = (saved.data as any).saveFundingScenario.id;
      for (const [who, token] of readers) {
        const [s] = ((await q(SAVED, { ids: [id] }, token)).data as any).fundingScenarios;
        expect(s.scenario.renewal.bySector.find((x: any) => x.sector === "LIVESTOCK").active).toBeNull(); // Cendagah's 1 livestock worker
        await check(who, s.scenario, CENDAGAH);
      }
    });
  });
});
