import { SQL_IN_REGION_OR_ALL } from "../../domain/region-code.ts";
import { TERM_MONTHS } from "../../domain/bounds.ts";
// Lapses and renewals, read from enrollment start and end dates. One row per worker (the NIK is
// unique): the row is a spell of coverage from start_date to end_date (null: still running). The
// spell runs in terms of TERM_MONTHS from its start; a term end the spell outlives is a renewal, the
// spell's end date is a lapse. An ACTIVE row's end date is the end of the term paid for (ENDED rows
// always have one). "At month M" means at the end of M, as the coverage summary counts enrolled:
// started before the next month's first day and not ended before it.

/** Calendar months from the month of `from` to the month of `to` (a date expression each). */
const monthsBetween = (from: string, to: string) =>
  `((date_part('year', ${to}) - date_part('year', ${from})) * 12 + date_part('month', ${to}) - date_part('month', ${from}))::int`;

/** The term end on or after which a spell started at `start` is `terms` terms old. */
const termEnd = (start: string, terms: string) => `(${start} + make_interval(months => (${terms}) * ${TERM_MONTHS}))::date`;

export interface RenewalRow {
  code: string;
  sector: string;
  active: number;
  ending_1m: number;
  ending_2m: number;
  ending_3m: number;
  lapsed: number;
  renewed: number;
}

/**
 * Per region (codes cut to $2 characters) and sector, at the end of month $1 (YYYY-MM): active
 * workers; active workers whose term ends in the next 1, 2 or 3 months (their end date, else their
 * next term end); spells that lapsed in the 12 months up to M (end date in them); spells renewed in
 * those 12 months (a term end in them before the spell's end). $3 sector or null; $4 codes (at $2's level), null: every region.
 */
export const RENEWAL_FIGURES = `
WITH asof AS (SELECT to_date($1 || '-01', 'YYYY-MM-DD') AS m, (to_date($1 || '-01', 'YYYY-MM-DD') + interval '1 month')::date AS n),
spell AS (
  SELECT left(e.village_code, $2::int) AS code, e.sector_code AS sector, e.start_date AS s, e.end_date AS en, asof.n,
         ${monthsBetween("e.start_date", "asof.m")} AS age
  FROM enrollment e, asof
  WHERE e.start_date < asof.n AND ($3::text IS NULL OR e.sector_code = $3) AND ($4::text[] IS NULL OR left(e.village_code, $2::int) = ANY($4::text[]))
),
t AS (
  SELECT *, (en IS NULL OR en >= n) AS active, coalesce(en, ${termEnd("s", "age / " + TERM_MONTHS + " + 1")}) AS next_end,
         ${termEnd("s", "age / " + TERM_MONTHS)} AS last_term_end
  FROM spell
)
SELECT code, sector,
       count(*) FILTER (WHERE active)::int AS active,
       count(*) FILTER (WHERE active AND next_end < n + interval '1 month')::int AS ending_1m,
       count(*) FILTER (WHERE active AND next_end < n + interval '2 months')::int AS ending_2m,
       count(*) FILTER (WHERE active AND next_end < n + interval '3 months')::int AS ending_3m,
       count(*) FILTER (WHERE en >= n - interval '12 months' AND en < n)::int AS lapsed,
       count(*) FILTER (WHERE age >= ${TERM_MONTHS} AND (en IS NULL OR last_term_end < en))::int AS renewed
FROM t
GROUP BY code, sector
ORDER BY code, sector`;

export interface RenewalSeriesRow {
  period: string;
  active: number;
  renewed: number;
  lapsed: number;
}

/**
 * Month by month for region $1 (null: all data), sector $2 or null, the last $3 months of the
 * coverage summary: active (the summary's enrolled), renewals in the month (term ends the spell
 * outlived), lapses in the month (spells whose end date falls in it).
 */
export const RENEWAL_SERIES = `
WITH months AS (
  SELECT period, sum(enrolled)::int AS active FROM coverage_summary
  WHERE ${SQL_IN_REGION_OR_ALL("village_code", "$1")} AND ($2::text IS NULL OR sector_code = $2)
    AND period > to_char((SELECT to_date(max(period) || '-01', 'YYYY-MM-DD') FROM coverage_summary) - ($3::int * interval '1 month'), 'YYYY-MM')
  GROUP BY period
),
hi AS (SELECT to_date(max(period) || '-01', 'YYYY-MM-DD') AS m FROM months),
spell AS (
  SELECT e.start_date AS s, e.end_date AS en FROM enrollment e
  WHERE ${SQL_IN_REGION_OR_ALL("e.village_code", "$1")} AND ($2::text IS NULL OR e.sector_code = $2)
),
renewals AS (
  SELECT to_char(${termEnd("sp.s", "k")}, 'YYYY-MM') AS period, count(*)::int AS renewed
  FROM spell sp, hi, generate_series(1, greatest(${monthsBetween("sp.s", "hi.m")} / ${TERM_MONTHS}, 0)) AS k
  WHERE sp.en IS NULL OR ${termEnd("sp.s", "k")} < sp.en
  GROUP BY 1
),
lapses AS (SELECT to_char(en, 'YYYY-MM') AS period, count(*)::int AS lapsed FROM spell WHERE en IS NOT NULL GROUP BY 1)
SELECT m.period, m.active, coalesce(r.renewed, 0) AS renewed, coalesce(l.lapsed, 0) AS lapsed
FROM months m LEFT JOIN renewals r USING (period) LEFT JOIN lapses l USING (period)
ORDER BY m.period`;

export interface MonthlyVillageRow {
  period: string;
  code: string;
  sector: string;
  renewed: number;
  lapsed: number;
}

/**
 * Per village, sector and month of $1 (YYYY-MM list): renewals in the month (term ends the spell
 * outlived, up to the latest month with figures) and lapses in it (end dates), as RENEWAL_SERIES
 * counts them; the cells disclosure control works on (a series is their sum over a region).
 */
export const RENEWAL_MONTHLY_VILLAGES = `
WITH hi AS (SELECT to_date(max(period) || '-01', 'YYYY-MM-DD') AS m FROM coverage_summary),
spell AS (SELECT e.village_code AS code, e.sector_code AS sector, e.start_date AS s, e.end_date AS en FROM enrollment e),
renewals AS (
  SELECT to_char(${termEnd("sp.s", "k")}, 'YYYY-MM') AS period, sp.code, sp.sector, count(*)::int AS renewed
  FROM spell sp, hi, generate_series(1, greatest(${monthsBetween("sp.s", "hi.m")} / ${TERM_MONTHS}, 0)) AS k
  WHERE (sp.en IS NULL OR ${termEnd("sp.s", "k")} < sp.en) AND to_char(${termEnd("sp.s", "k")}, 'YYYY-MM') = ANY($1::text[])
  GROUP BY 1, 2, 3
),
lapses AS (
  SELECT to_char(en, 'YYYY-MM') AS period, code, sector, count(*)::int AS lapsed FROM spell
  WHERE en IS NOT NULL AND to_char(en, 'YYYY-MM') = ANY($1::text[])
  GROUP BY 1, 2, 3
)
SELECT period, code, sector, coalesce(r.renewed, 0) AS renewed, coalesce(l.lapsed, 0) AS lapsed
FROM renewals r FULL JOIN lapses l USING (period, code, sector)
ORDER BY period, code, sector`;
