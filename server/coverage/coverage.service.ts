import DataLoader from "dataloader";
import type { Sql } from "../db/sql.ts";
import { badInput } from "../common/errors.ts";
import { RegionLevel, Reliability, Sector } from "../../domain/vocabulary.ts";
import type { RegionService } from "../regions/region.service.ts";
import type { CoverageArgs, MapValuesArgs } from "./coverage.args.ts";
import { LEVEL_CODE_LENGTH } from "../../domain/region-code.ts";
import type { CoverageConnection, CoverageNode, CoverageSummary, SectorCoverage, SeriesPoint } from "./coverage.types.ts";
import * as q from "./coverage.sql.ts";
import { decodeCursor, encodeCursor, rate, reliabilityOf, uncovered } from "./rates.ts";
import { disclosed, type DisclosureService } from "../disclosure/disclosure.service.ts";
import { PerDataVersion } from "../cache/data-version.ts";
import { append } from "../common/collections.ts";

/** The nation in headline figures: every region loaded; its code is empty (every code lies inside it). */
const NATION = { code: "", name: "Indonesia" };

/** The months with figures, per database, while the data version holds. */
const PERIODS = new PerDataVersion<string[]>();

/** Reads coverage from the village x sector x month summary (never from raw enrollments). */
export class CoverageService {
  constructor(
    private readonly sql: Sql,
    private readonly regions: RegionService,
    private readonly disclosure: DisclosureService,
    /** Where the months are kept between requests while the data version holds (none: read once per service). */
    private readonly versioned?: { owner: object; version: () => Promise<string> },
  ) {}

  private periodList: Promise<string[]> | null = null;

  periods(): Promise<string[]> {
    const read = () => this.sql.query<{ period: string }>(q.PERIODS).then((rows) => rows.map((r) => r.period));
    const versioned = this.versioned;
    this.periodList ??= versioned ? versioned.version().then((v) => PERIODS.get(versioned.owner, v, read)) : read();
    return this.periodList;
  }

  /** The period asked for (checked to exist), or the latest. */
  async resolvePeriod(period: string | undefined | null, argument = "period"): Promise<string> {
    const periods = await this.periods();
    if (periods.length === 0) return period ?? "";
    if (!period) return periods[periods.length - 1];
    if (!periods.includes(period)) {
      throw badInput(argument, `${argument} ${period} has no data; available: ${periods[0]} to ${periods[periods.length - 1]}.`);
    }
    return period;
  }

  /** Every region at a level inside a region (the nation when null), unpaged: what a map colours. */
  async mapValues(args: MapValuesArgs): Promise<CoverageNode[]> {
    if (args.within) await this.regions.require(args.within, "within");
    const period = await this.resolvePeriod(args.period);
    const rows = await this.rows(
      { ...args, parentCode: args.within },
      period,
      { limit: null, offset: 0 },
      await this.suppressedCodes(period, args.sector, args.level),
    );
    return rows.map((r) => this.toNode(r, period, args));
  }

  /** Codes of the suppressed cells of a month, sector and level (none when the request is not suppressed). */
  private async suppressedCodes(period: string, sector: Sector | null | undefined, level: RegionLevel): Promise<string[]> {
    if (!this.disclosure.suppress) return [];
    return (await this.disclosure.pattern(period)).codes(sector ?? null).filter((c) => c.length === LEVEL_CODE_LENGTH[level]);
  }

  /** Rows of the coverage query: the scope and filters given, the page (limit null: every row), the suppressed cells' codes. */
  private rows(
    args: Omit<MapValuesArgs, "within" | "period"> & Partial<CoverageArgs>,
    period: string,
    page: { limit: number | null; offset: number },
    suppressed: string[],
  ): Promise<q.CoverageRow[]> {
    return this.sql.query<q.CoverageRow>(q.coverageQuery(args.orderBy, args.direction), [
      period,
      LEVEL_CODE_LENGTH[args.level],
      args.sector ?? null,
      args.level,
      args.parentCode ?? null,
      args.target,
      args.minWorkforce,
      args.minCoverageRate ?? null,
      args.maxCoverageRate ?? null,
      args.minUncovered ?? null,
      args.reliability ?? null,
      page.limit,
      page.offset,
      suppressed,
    ]);
  }

  async coverage(args: CoverageArgs): Promise<CoverageConnection> {
    if (args.parentCode) await this.regions.require(args.parentCode, "parentCode");
    const offset = args.after ? decodeCursor(args.after) : -1;
    if (offset === null) throw badInput("after", "after is not a cursor returned by this API.");
    const period = await this.resolvePeriod(args.period);
    const suppressed = await this.suppressedCodes(period, args.sector, args.level);
    const rows = await this.rows(args, period, { limit: args.first + 1, offset: offset + 1 }, suppressed);
    const page = rows.slice(0, args.first);
    let totals = { workforce: rows[0]?.tot_workforce ?? 0, enrolled: rows[0]?.tot_enrolled ?? 0, gap: rows[0]?.tot_gap ?? 0 };
    let anySuppressed = rows[0]?.any_suppressed ?? false;
    if (rows.length === 0) {
      const [t] = await this.sql.query<{ workforce: number; enrolled: number }>(q.SCOPE_TOTALS, [
        period,
        args.sector ?? null,
        args.parentCode ?? null,
      ]);
      totals = { ...t, gap: Math.max(Math.ceil(args.target * t.workforce - 1e-9) - t.enrolled, 0) };
      anySuppressed = suppressed.length > 0; // the scope's regions are not at hand: withhold the summed gap
    }
    const parentSuppressed = (await this.disclosure.pattern(period)).isSuppressed(args.parentCode ?? "", args.sector ?? null);
    return {
      period,
      totalCount: rows[0]?.total_count ?? 0,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        hasPreviousPage: offset >= 0,
        startCursor: page.length ? encodeCursor(offset + 1) : null,
        endCursor: page.length ? encodeCursor(offset + page.length) : null,
      },
      edges: page.map((r, i) => ({ cursor: encodeCursor(offset + 1 + i), node: this.toNode(r, period, args) })),
      total: disclosed(
        {
          code: args.parentCode ?? null,
          workforce: totals.workforce,
          enrolled: totals.enrolled,
          coverageRate: rate(totals.enrolled, totals.workforce),
          uncovered: uncovered(totals.enrolled, totals.workforce),
          // A sum of the regions' gaps, each clipped at 0: with a suppressed region in it, it could give that count back.
          gapToTarget: anySuppressed ? null : totals.gap,
        },
        parentSuppressed,
      ),
    };
  }

  private toNode(r: q.CoverageRow, period: string, args: { sector?: Sector | null; minWorkforce: number }): CoverageNode {
    return {
      ...disclosed(coverageFigures(r), r.suppressed),
      period,
      sectorFilter: args.sector ?? null,
      minWorkforce: args.minWorkforce,
    };
  }

  /** By-sector figures, batched: one statement per page of regions (per period and level). */
  readonly bySector = new DataLoader<{ code: string; period: string; minWorkforce: number }, SectorCoverage[], string>(
    async (keys) => {
      const groups = new Map<string, string[]>();
      for (const k of keys) append(groups, `${k.period}|${k.code.length}`, k.code);
      type Row = { code: string; sector: Sector; workforce: number; enrolled: number; estimated: boolean };
      const found = new Map<string, Row[]>();
      for (const [g, codes] of groups) {
        const [period, length] = g.split("|");
        for (const r of await this.sql.query<Row>(q.BY_SECTOR, [period, Number(length), codes])) {
          append(found, `${period}|${r.code}`, r);
        }
      }
      const patterns = await this.disclosure.patterns([...new Set(keys.map((k) => k.period))]);
      return keys.map((k) =>
        (found.get(`${k.period}|${k.code}`) ?? []).map((r) =>
          disclosed(
            {
              sector: r.sector,
              workforce: r.workforce,
              enrolled: r.enrolled,
              coverageRate: rate(r.enrolled, r.workforce),
              uncovered: uncovered(r.enrolled, r.workforce),
              reliability: reliabilityOf(r.workforce, r.estimated, k.minWorkforce),
            },
            patterns.get(k.period)!.isSuppressed(k.code, r.sector),
          ),
        ),
      );
    },
    { cacheKeyFn: (k) => `${k.period}|${k.code}|${k.minWorkforce}` },
  );

  /** The monthly series of a region, or of the nation (all data) when code is null. */
  async series(code: string | null, sector: Sector | null, months: number): Promise<SeriesPoint[]> {
    if (code !== null) await this.regions.require(code, "code");
    const rows = await this.sql.query<{ period: string; workforce: number; enrolled: number }>(q.SERIES, [code, sector, months]);
    const patterns = await this.disclosure.patterns(rows.map((r) => r.period));
    return rows.map((r) =>
      disclosed({ ...r, coverageRate: rate(r.enrolled, r.workforce) }, patterns.get(r.period)!.isSuppressed(code ?? "", sector)),
    );
  }

  /** Headline figures of a region, or of the nation (all data; region code "") when code is null. */
  async summary(code: string | null): Promise<CoverageSummary> {
    const region = code === null ? NATION : await this.regions.require(code, "code");
    const series = await this.series(code, null, 13);
    const period = await this.resolvePeriod(null);
    const bySector = await this.bySector.load({ code: region.code, period, minWorkforce: 30 });
    const last = series[series.length - 1] ?? { workforce: 0, enrolled: 0, coverageRate: null, suppressed: false };
    const yearAgo = series.length === 13 ? series[0] : null;
    // A change is published only when both months' counts are.
    const change = yearAgo && yearAgo.enrolled !== null && last.enrolled !== null ? { from: yearAgo, to: last } : null;
    return {
      region: { code: region.code, name: region.name },
      period,
      workforce: last.workforce,
      enrolled: last.enrolled,
      coverageRate: last.coverageRate,
      uncovered: last.enrolled === null ? null : uncovered(last.enrolled, last.workforce),
      suppressed: last.suppressed,
      bySector,
      enrolledChange12m: change ? change.to.enrolled! - change.from.enrolled! : null,
      coverageRateChange12m:
        change && change.from.coverageRate !== null && change.to.coverageRate !== null
          ? change.to.coverageRate - change.from.coverageRate
          : null,
    };
  }
}

/** A coverage row's figures as the API names them. */
export function coverageFigures(r: q.CoverageRow) {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    parentName: r.parent_name,
    workforce: r.workforce,
    enrolled: r.enrolled,
    coverageRate: r.coverage_rate,
    uncovered: r.uncovered,
    areaKm2: r.area_km2,
    uncoveredPerKm2: r.uncovered_per_km2,
    gapToTarget: r.gap_to_target,
    rank: r.rank,
    reliability: r.reliability,
    overEnrolled: r.enrolled !== null && r.enrolled > r.workforce && r.workforce > 0,
  };
}
