import type { Database } from "../db/database.ts";
import { Reliability, type Sector } from "../../domain/vocabulary.ts";
import { PerDataVersion } from "../cache/data-version.ts";
import { keepUnlessFails } from "../common/collections.ts";
import { cellKey, cellsFromVillages, suppressionPattern, type PatternOptions } from "./rule.ts";
import { VILLAGE_COUNTS } from "./disclosure.sql.ts";

/** A request's disclosure: the minimum cell size, and whether its answers are suppressed. */
export interface Disclosure {
  minCellSize: number;
  suppress: boolean;
}

/** Which cells of one month are suppressed (see rule.ts). */
export class Pattern {
  constructor(private readonly keys: ReadonlySet<string>) {}

  isSuppressed(code: string, sector: Sector | null): boolean {
    return this.keys.has(cellKey(code, sector));
  }

  /** Codes of the suppressed cells of one sector (null: all sectors), for SQL. */
  codes(sector: Sector | null): string[] {
    const suffix = `|${sector ?? "ALL"}`;
    return [...this.keys].filter((k) => k.endsWith(suffix)).map((k) => k.slice(0, -suffix.length));
  }
}

const NOTHING_SUPPRESSED = new Pattern(new Set());

/** Patterns per database (its Prisma client: one per database, shared by its requests) of the current data version. */
const kept = new PerDataVersion<Map<string, Promise<unknown>>>();

/** A kept pattern's key: what it counts (and its month), the minimum cell size, the rule's options. */
const keyOf = (counts: string, disclosure: Disclosure) => `${counts}|${disclosure.minCellSize}|${patternOptions.complementary ?? true}`;

/** The value kept under `key` (patterns of several kinds share one map), computed once; a failed computation is not kept. */
const remember = <T>(byKey: Map<string, Promise<unknown>>, key: string, compute: () => Promise<T>): Promise<T> =>
  keepUnlessFails(byKey, key, compute) as Promise<T>;

/** Test hook: primary suppression alone, to watch the attacker tests fail. Never set in the app. */
export const patternOptions: PatternOptions = {};

/** A count as published: null when suppressed. */
export const shown = (n: number, suppressed: boolean): number | null => (suppressed ? null : n);

/**
 * The suppression patterns a request needs: computed once per (data version, month, minimum cell
 * size) and kept while the data version holds; nothing read when the request is not suppressed.
 */
export class DisclosureService {
  constructor(
    private readonly db: Database,
    readonly disclosure: Disclosure,
    /** The request's data version (read once per request: see Services.dataVersion). */
    private readonly dataVersion: () => Promise<string>,
  ) {}

  get suppress(): boolean {
    return this.disclosure.suppress;
  }

  async pattern(period: string): Promise<Pattern> {
    return this.patternFor(period, this.disclosure);
  }

  /** The pattern of a month under another disclosure than the request's (a saved plan: as every reader sees it). */
  async patternFor(period: string, disclosure: Disclosure): Promise<Pattern> {
    return (await this.patterns([period], disclosure)).get(period)!;
  }

  /** One pattern per month; the months not yet computed are read in one statement. */
  async patterns(periods: readonly string[], disclosure: Disclosure = this.disclosure): Promise<Map<string, Pattern>> {
    if (!disclosure.suppress || disclosure.minCellSize <= 1) return new Map(periods.map((p) => [p, NOTHING_SUPPRESSED]));
    const byKey = await this.entries();
    const keys = periods.map((p) => keyOf(`coverage|${p}`, disclosure));
    const missing = periods.filter((_, i) => !byKey.has(keys[i]));
    let rows: Promise<{ period: string; code: string; sector: Sector; enrolled: number }[]> | undefined;
    const read = () => (rows ??= this.db.sql.query(VILLAGE_COUNTS, [missing]));
    const patterns = periods.map((p, i) =>
      remember(byKey, keys[i], async () => {
        const cells = cellsFromVillages((await read()).filter((r) => r.period === p));
        return new Pattern(suppressionPattern(cells, disclosure.minCellSize, patternOptions));
      }),
    );
    return new Map(await Promise.all(patterns.map(async (pattern, i) => [periods[i], await pattern] as const)));
  }

  /**
   * Patterns of other counts than enrollment cells (lapses, renewals: see server/renewals), computed
   * by `compute` under the rule and kept like the coverage patterns; `key` names the counts and the month.
   */
  async derived<T>(key: string, disclosure: Disclosure, compute: (minCellSize: number, options: PatternOptions) => Promise<T>): Promise<T> {
    return remember(await this.entries(), keyOf(key, disclosure), () => compute(disclosure.minCellSize, { ...patternOptions }));
  }

  /** This database's kept patterns of the current data version. */
  private async entries(): Promise<Map<string, Promise<unknown>>> {
    return kept.get(this.db.prisma, await this.dataVersion(), async () => new Map());
  }
}

/** Every figure that gives a suppressed count back (the count, what is derived from it, projections of it). */
const WITHHELD = [
  "enrolled",
  "uncovered",
  "coverageRate",
  "uncoveredPerKm2",
  "gapToTarget",
  "enrolledBefore",
  "enrolledAfter",
  "rateBefore",
  "rateAfter",
  "enrolledChange12m",
  "coverageRateChange12m",
] as const;

type Withheld = (typeof WITHHELD)[number];
export type Disclosed<T> = { [K in keyof T]: K extends Withheld ? T[K] | null : T[K] } & { suppressed: boolean };

/**
 * Figures as published: a suppressed cell's count and everything derived from it null (never 0),
 * its reliability SUPPRESSED, `overEnrolled` false; the workforce estimate stays (see README,
 * Disclosure control). The one place that says what a suppressed cell hides.
 */
export function disclosed<T extends object>(figures: T, suppressed: boolean): Disclosed<T> {
  const out: Record<string, unknown> = { ...figures, suppressed };
  if (!suppressed) return out as Disclosed<T>;
  for (const k of WITHHELD) if (k in out) out[k] = null;
  if ("reliability" in out) out.reliability = Reliability.SUPPRESSED;
  if ("overEnrolled" in out) out.overEnrolled = false;
  return out as Disclosed<T>;
}
