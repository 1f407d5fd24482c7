import DataLoader from "dataloader";
import type { Sql } from "../db/sql.ts";
import type { RegionLevel, Sector } from "../../domain/vocabulary.ts";
import type { CoverageService } from "../coverage/coverage.service.ts";
import type { RegionService } from "../regions/region.service.ts";
import type { RegionRenewals, RenewalFigures, RenewalSeriesPoint, SectorRenewals } from "./renewals.types.ts";
import * as q from "./renewals.sql.ts";

/** A region's figures at the end of a month: all sectors together and per sector. */
export interface RenewalsOf {
  total: RenewalFigures;
  bySector: SectorRenewals[];
}

const ZERO = { active: 0, ending_1m: 0, ending_2m: 0, ending_3m: 0, lapsed: 0, renewed: 0 };
type Counts = typeof ZERO;

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
 * disclosure control to them).
 */
export function renewalFigures(c: Counts): RenewalFigures {
  return {
    active: c.active,
    endingIn1Month: c.ending_1m,
    endingIn2Months: c.ending_2m,
    endingIn3Months: c.ending_3m,
    lapsed: c.lapsed,
    renewed: c.renewed,
    renewalRate: renewalRate(c.renewed, c.lapsed),
  };
}

/** Lapses and renewals from enrollment start and end dates (see renewals.sql.ts for the rules). */
export class RenewalService {
  constructor(
    private readonly sql: Sql,
    private readonly regions: RegionService,
    private readonly coverage: CoverageService,
  ) {}

  /** Figures of many regions, batched: one statement per month, level and sector filter. */
  readonly figures = new DataLoader<{ code: string; period: string; sector: Sector | null }, RenewalsOf, string>(
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
          const key = `${g}|${r.code}`;
          found.set(key, [...(found.get(key) ?? []), r]);
        }
      }
      return keys.map((k) => {
        const rows = found.get(`${k.period}|${k.code.length}|${k.sector ?? ""}|${k.code}`) ?? [];
        return {
          total: renewalFigures(sum(rows)),
          bySector: rows.map((r) => ({ sector: r.sector as Sector, ...renewalFigures(r) })),
        };
      });
    },
    { cacheKeyFn: (k) => `${k.period}|${k.code.length}|${k.sector ?? ""}|${k.code}` },
  );

  /** Every region at a level inside `within` (the nation when null), at the end of `period` (default the latest). */
  async renewals(level: RegionLevel, within: string | null, sector: Sector | null, period: string | null): Promise<RegionRenewals[]> {
    if (within) await this.regions.require(within, "within");
    const month = await this.coverage.resolvePeriod(period);
    const regions = await this.regions.atLevel(level, within);
    const figures = await Promise.all(regions.map((r) => this.figures.load({ code: r.code, period: month, sector })));
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

  /** Month by month for a region (null: all data), oldest first. */
  async series(code: string | null, sector: Sector | null, months: number): Promise<RenewalSeriesPoint[]> {
    if (code !== null) await this.regions.require(code, "code");
    const rows = await this.sql.query<q.RenewalSeriesRow>(q.RENEWAL_SERIES, [code, sector, months]);
    return rows.map((r) => ({ ...r, renewalRate: renewalRate(r.renewed, r.lapsed) }));
  }
}
