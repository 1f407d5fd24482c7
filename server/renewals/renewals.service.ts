import DataLoader from "dataloader";
import type { Sql } from "../db/sql.ts";
import type { RegionLevel, Sector } from "../../domain/vocabulary.ts";
import { LEVEL_CODE_LENGTH } from "../../domain/region-code.ts";
import type { CoverageService } from "../coverage/coverage.service.ts";
import type { RegionService } from "../regions/region.service.ts";
import { Pattern, shown, type Disclosure, type DisclosureService } from "../disclosure/disclosure.service.ts";
import { cellsFromVillages, suppressionPattern, type PatternOptions } from "../disclosure/rule.ts";
import type { RegionRenewals, RenewalFigures, RenewalSeriesPoint, SectorRenewals } from "./renewals.types.ts";
import * as q from "./renewals.sql.ts";
import { append } from "../common/collections.ts";

/** A region's figures at the end of a month: all sectors together and per sector. */
export interface RenewalsOf {
  total: RenewalFigures;
  bySector: SectorRenewals[];
}

const ZERO = { active: 0, ending_1m: 0, ending_2m: 0, ending_3m: 0, lapsed: 0, renewed: 0 };
type Counts = typeof ZERO;
type Measure = keyof Counts;
/** Which of a cell's counts are suppressed. */
export type Hidden = Record<Measure, boolean>;
const NOTHING_HIDDEN: Hidden = { active: false, ending_1m: false, ending_2m: false, ending_3m: false, lapsed: false, renewed: false };

const sum = (rows: readonly Counts[]): Counts =>
  rows.reduce<Counts>(
    (a, r) => ({
      active: a.active + r.active,
      ending_1m: a.ending_1m + r.ending_1m,
      ending_2m: a.ending_2m + r.ending_2m,
      ending_3m: a.ending_3m + r.ending_3m,
      lapsed: a.lapsed + r.lapsed,
      renewed: a.renewed + r.renewed,
    }),
    ZERO,
  );

export const renewalRate = (renewed: number, lapsed: number): number | null => (renewed + lapsed > 0 ? renewed / (renewed + lapsed) : null);

/**
 * Every count of lapses and renewals leaves the service through here (one place to apply
 * disclosure control to them): a suppressed count is null, and the renewal rate with it.
 */
export function renewalFigures(c: Counts, hidden: Hidden = NOTHING_HIDDEN): RenewalFigures {
  return {
    active: shown(c.active, hidden.active),
    endingIn1Month: shown(c.ending_1m, hidden.ending_1m),
    endingIn2Months: shown(c.ending_2m, hidden.ending_2m),
    endingIn3Months: shown(c.ending_3m, hidden.ending_3m),
    lapsed: shown(c.lapsed, hidden.lapsed),
    renewed: shown(c.renewed, hidden.renewed),
    renewalRate: hidden.renewed || hidden.lapsed ? null : renewalRate(c.renewed, c.lapsed),
    suppressed: Object.values(hidden).some(Boolean),
  };
}

/**
 * The suppression patterns of one month's counts, each under the rule (server/disclosure/rule.ts)
 * over its own village x sector cells. "Ending in the next 1, 2, 3 months" are cumulative: the
 * rule runs on each month's band (ending in month 1, 2, 3), and a cumulative count is suppressed
 * when any band it adds is, so no difference of two published counts gives a suppressed band back.
 */
export interface RenewalPatterns {
  of: Record<"active" | "lapsed" | "renewed" | "band1" | "band2" | "band3", Pattern>;
}

export function hiddenIn(p: RenewalPatterns | null, code: string, sector: Sector | null): Hidden {
  if (!p) return NOTHING_HIDDEN;
  const is = (m: keyof RenewalPatterns["of"]) => p.of[m].isSuppressed(code, sector);
  const e1 = is("band1");
  const e2 = e1 || is("band2");
  return { active: is("active"), ending_1m: e1, ending_2m: e2, ending_3m: e2 || is("band3"), lapsed: is("lapsed"), renewed: is("renewed") };
}

type RawOf = { total: Counts; bySector: (Counts & { sector: Sector })[] };

/** Lapses and renewals from enrollment start and end dates (see renewals.sql.ts for the rules). */
export class RenewalService {
  constructor(
    private readonly sql: Sql,
    private readonly regions: RegionService,
    private readonly coverage: CoverageService,
    private readonly disclosure: DisclosureService,
  ) {}

  /** True counts of many regions, batched: one statement per month, level and sector filter. */
  private readonly raw = new DataLoader<{ code: string; period: string; sector: Sector | null }, RawOf, string>(
    async (keys) => {
      const groups = new Map<string, { period: string; length: number; sector: Sector | null; codes: string[] }>();
      for (const k of keys) {
        const g = `${k.period}|${k.code.length}|${k.sector ?? ""}`;
        const group = groups.get(g) ?? { period: k.period, length: k.code.length, sector: k.sector, codes: [] };
        group.codes.push(k.code);
        groups.set(g, group);
      }
      const found = new Map<string, q.RenewalRow[]>();
      for (const [g, { period, length, sector, codes }] of groups) {
        for (const r of await this.sql.query<q.RenewalRow>(q.RENEWAL_FIGURES, [period, length, sector, codes])) {
          append(found, `${g}|${r.code}`, r);
        }
      }
      return keys.map((k) => {
        const rows = found.get(`${k.period}|${k.code.length}|${k.sector ?? ""}|${k.code}`) ?? [];
        return { total: sum(rows), bySector: rows.map((r) => ({ ...r, sector: r.sector as Sector })) };
      });
    },
    { cacheKeyFn: (k) => `${k.period}|${k.code.length}|${k.sector ?? ""}|${k.code}` },
  );

  /** A region's figures as `disclosure` (default the request's) publishes them. */
  async figures(key: { code: string; period: string; sector: Sector | null }, disclosure?: Disclosure): Promise<RenewalsOf> {
    const [raw, patterns] = await Promise.all([this.raw.load(key), this.patterns(key.period, disclosure)]);
    return {
      total: renewalFigures(raw.total, hiddenIn(patterns, key.code, key.sector)),
      bySector: raw.bySector.map((r) => ({ sector: r.sector, ...renewalFigures(r, hiddenIn(patterns, key.code, r.sector)) })),
    };
  }

  /** The month's patterns (null: nothing suppressed), computed once per data version. */
  async patterns(period: string, disclosure: Disclosure = this.disclosure.disclosure): Promise<RenewalPatterns | null> {
    if (!disclosure.suppress || disclosure.minCellSize <= 1) return null;
    return this.disclosure.derived(`renewals|${period}`, disclosure, async (min, options) => {
      const rows = await this.sql.query<q.RenewalRow>(q.RENEWAL_FIGURES, [period, LEVEL_CODE_LENGTH.VILLAGE, null, null]);
      const of = (count: (r: q.RenewalRow) => number) => villagePattern(rows, count, min, options);
      return {
        of: {
          active: of((r) => r.active),
          lapsed: of((r) => r.lapsed),
          renewed: of((r) => r.renewed),
          band1: of((r) => r.ending_1m),
          band2: of((r) => r.ending_2m - r.ending_1m),
          band3: of((r) => r.ending_3m - r.ending_2m),
        },
      };
    });
  }

  /** Every region at a level inside `within` (the nation when null), at the end of `period` (default the latest). */
  async renewals(level: RegionLevel, within: string | null, sector: Sector | null, period: string | null): Promise<RegionRenewals[]> {
    if (within) await this.regions.require(within, "within");
    const month = await this.coverage.resolvePeriod(period);
    const regions = await this.regions.atLevel(level, within);
    const figures = await Promise.all(regions.map((r) => this.figures({ code: r.code, period: month, sector })));
    return regions.map((r, i) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      parentCode: r.parentCode,
      period: month,
      ...figures[i].total,
      bySector: figures[i].bySector,
    }));
  }

  /**
   * Month by month for a region (null: all data), oldest first. Active is the coverage cell (its
   * pattern); renewals and lapses in a month are cells of their own, each month under the rule.
   */
  async series(code: string | null, sector: Sector | null, months: number): Promise<RenewalSeriesPoint[]> {
    if (code !== null) await this.regions.require(code, "code");
    const rows = await this.sql.query<q.RenewalSeriesRow>(q.RENEWAL_SERIES, [code, sector, months]);
    const periods = rows.map((r) => r.period);
    const coverage = await this.disclosure.patterns(periods);
    const monthly = await this.monthlyPatterns(periods);
    const cell = code ?? "";
    return rows.map((r) => {
      const hidden = {
        active: coverage.get(r.period)!.isSuppressed(cell, sector),
        renewed: monthly?.get(r.period)?.renewed.isSuppressed(cell, sector) ?? false,
        lapsed: monthly?.get(r.period)?.lapsed.isSuppressed(cell, sector) ?? false,
      };
      return {
        period: r.period,
        active: shown(r.active, hidden.active),
        renewed: shown(r.renewed, hidden.renewed),
        lapsed: shown(r.lapsed, hidden.lapsed),
        renewalRate: hidden.renewed || hidden.lapsed ? null : renewalRate(r.renewed, r.lapsed),
        suppressed: hidden.active || hidden.renewed || hidden.lapsed,
      };
    });
  }

  /** Renewals and lapses in each month, per village x sector, under the rule; null: nothing suppressed. */
  private async monthlyPatterns(periods: readonly string[]): Promise<Map<string, { renewed: Pattern; lapsed: Pattern }> | null> {
    const disclosure = this.disclosure.disclosure;
    if (!disclosure.suppress || disclosure.minCellSize <= 1 || periods.length === 0) return null;
    return this.disclosure.derived(`renewals-monthly|${periods.join(",")}`, disclosure, async (min, options) => {
      const rows = await this.sql.query<q.MonthlyVillageRow>(q.RENEWAL_MONTHLY_VILLAGES, [periods]);
      return new Map(
        periods.map((p) => {
          const month = rows.filter((r) => r.period === p);
          return [
            p,
            {
              renewed: villagePattern(month, (r) => r.renewed, min, options),
              lapsed: villagePattern(month, (r) => r.lapsed, min, options),
            },
          ];
        }),
      );
    });
  }
}

/** The rule over one count of village x sector rows. */
function villagePattern<R extends { code: string; sector: string }>(
  rows: readonly R[],
  count: (r: R) => number,
  minCellSize: number,
  options: PatternOptions,
): Pattern {
  const cells = cellsFromVillages(rows.map((r) => ({ code: r.code, sector: r.sector as Sector, enrolled: count(r) })));
  return new Pattern(suppressionPattern(cells, minCellSize, options));
}
