import type { Database } from "../db/database.ts";
import { Reliability, type Sector } from "../../domain/vocabulary.ts";
import { dataVersionOf } from "../cache/data-version.ts";
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
const cache = new WeakMap<object, { version: string; byKey: Map<string, Promise<unknown>> }>();

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
    private readonly dataVersion: () => Promise<string> = () => dataVersionOf(db),
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
    const key = (p: string) => `coverage|${p}|${disclosure.minCellSize}|${patternOptions.complementary ?? true}`;
    const missing = periods.filter((p) => !byKey.has(key(p)));
    if (missing.length) {
      const rows = this.db.sql.query<{ period: string; code: string; sector: Sector; enrolled: number }>(VILLAGE_COUNTS, [missing]);
      for (const p of missing) {
        const pattern = rows.then(
          (all) =>
            new Pattern(suppressionPattern(cellsFromVillages(all.filter((r) => r.period === p)), disclosure.minCellSize, patternOptions)),
        );
        byKey.set(key(p), pattern);
        pattern.catch(() => byKey.delete(key(p)));
      }
    }
    const out = new Map<string, Pattern>();
    for (const p of periods) out.set(p, (await byKey.get(key(p))) as Pattern);
    return out;
  }

  /**
   * Patterns of other counts than enrollment cells (lapses, renewals: see server/renewals), computed
   * by `compute` under the rule and kept like the coverage patterns; `key` names the counts and the month.
   */
  async derived<T>(key: string, disclosure: Disclosure, compute: (minCellSize: number, options: PatternOptions) => Promise<T>): Promise<T> {
    const byKey = await this.entries();
    const full = `${key}|${disclosure.minCellSize}|${patternOptions.complementary ?? true}`;
    let value = byKey.get(full) as Promise<T> | undefined;
    if (!value) {
      value = compute(disclosure.minCellSize, { ...patternOptions });
      byKey.set(full, value);
      value.catch(() => byKey.delete(full));
    }
    return value;
  }

  /** This database's kept patterns of the current data version. */
  private async entries(): Promise<Map<string, Promise<unknown>>> {
    const version = await this.dataVersion();
    let entry = cache.get(this.db.prisma);
    if (entry?.version !== version) cache.set(this.db.prisma, (entry = { version, byKey: new Map() }));
    return entry.byKey;
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
