// Lapses and renewals written another way than server/renewals (see INDEPENDENT): the tests' truth.

export interface Expected {
  code: string;
  sector: string;
  active: number;
  e1: number;
  e2: number;
  e3: number;
  lapsed: number;
  renewed: number;
}

/**
 * The figures written another way: term ends listed one by one (generate_series of start + 12 i
 * months), month ends as dates, and "in the 12 months up to M" as a date range.
 */
export const INDEPENDENT = `
WITH m AS (SELECT to_date($1 || '-01', 'YYYY-MM-DD') AS first_day,
                  (to_date($1 || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date AS last_day),
e AS (
  SELECT substr(e.village_code, 1, $2::int) AS code, e.sector_code AS sector, e.start_date, e.end_date,
         e.start_date <= m.last_day AND (e.end_date IS NULL OR e.end_date > m.last_day) AS active,
         (SELECT min(a) FROM (SELECT (e.start_date + i * interval '12 months')::date AS a FROM generate_series(1, 40) i) t
           WHERE a > m.last_day) AS next_anniversary,
         EXISTS (SELECT 1 FROM generate_series(1, 40) i
                 WHERE (e.start_date + i * interval '12 months')::date BETWEEN (m.first_day - interval '11 months')::date AND m.last_day
                   AND (e.end_date IS NULL OR (e.start_date + i * interval '12 months')::date < e.end_date)) AS renewed,
         e.end_date BETWEEN (m.first_day - interval '11 months')::date AND m.last_day AS lapsed,
         m.first_day
  FROM enrollment e, m
)
SELECT code, sector,
       count(*) FILTER (WHERE active)::int AS active,
       count(*) FILTER (WHERE active AND coalesce(end_date, next_anniversary) <= (first_day + interval '2 months' - interval '1 day')::date)::int AS e1,
       count(*) FILTER (WHERE active AND coalesce(end_date, next_anniversary) <= (first_day + interval '3 months' - interval '1 day')::date)::int AS e2,
       count(*) FILTER (WHERE active AND coalesce(end_date, next_anniversary) <= (first_day + interval '4 months' - interval '1 day')::date)::int AS e3,
       count(*) FILTER (WHERE lapsed)::int AS lapsed,
       count(*) FILTER (WHERE renewed)::int AS renewed
FROM e GROUP BY 1, 2 ORDER BY 1, 2`;
