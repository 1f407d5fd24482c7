import { SQL_IN_REGION_OR_ALL } from "../../domain/region-code.ts";
// What held outreach sessions achieved: their recorded results against the plan's forecast, and the
// enrollments that followed in the villages they reached against comparable villages not reached.

/** The site of plan result `plan` that session `s` was made from (same village, point and date): column `site`. */
const siteOf = (s: string, plan: string) => `
    SELECT x AS site FROM jsonb_array_elements(${plan}->'sites') x
    WHERE x->>'villageCode' = ${s}.village_code AND (x->>'pointId')::int IS NOT DISTINCT FROM ${s}.point_id
      AND x->>'date' = to_char(${s}.starts_on, 'YYYY-MM-DD')
    LIMIT 1`;

export interface SessionRow {
  id: number;
  title: string;
  startsOn: string;
  endsOn: string;
  villageCode: string;
  villageName: string;
  districtCode: string;
  districtName: string;
  attendance: number | null;
  enrollmentsAttributed: number;
  planId: number | null;
  planName: string | null;
  forecastEnrollments: number | null;
  forecastReached: number | null;
  /** Villages reached, treated villages' workforce and new enrollments before and after; the same for the comparison villages. */
  treatedVillages: number;
  treatedWorkforce: number;
  treatedBefore: number;
  treatedAfter: number;
  controlVillages: number;
  controlWorkforce: number;
  controlBefore: number;
  controlAfter: number;
  beforeDays: number;
  afterDays: number;
}

/**
 * Held sessions in region $1 (null: all) overlapping days $2..$3 (either may be null), each with its
 * site in the plan it came from (same plan, village, point and date) and:
 * - reached villages: the site's villages in the plan; without a plan, the villages whose inner
 *   point lies within $4 metres of the session (its location, else its village's inner point);
 * - comparison villages: the other villages of the same regency, reached by no held session whose
 *   days fall in this one's before or after window;
 * - workforce of the session's target sectors in those villages, in the month the session starts
 *   (clamped to the months with figures);
 * - new enrollments in the target sectors (start date) in the $6 days before the first day, and
 *   from the first day to $5 days after the last day, cut at the last day with data.
 */
export const SESSION_OUTCOMES = `
WITH last_day AS (
  SELECT (to_date(max(period) || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date AS d,
         min(period) AS first_period, max(period) AS last_period
  FROM coverage_summary
),
held AS (
  SELECT s.id, s.title, s.starts_on, s.ends_on, s.village_code, s.target_sectors, s.plan_id, s.attendance, s.enrollments_attributed,
         coalesce(s.location, v.centroid) AS point, v.name AS village_name, v.parent_code AS district_code, d.name AS district_name,
         p.name AS plan_name, site.site,
         (s.starts_on - $6::int) AS before_from,
         least(s.ends_on + $5::int, last_day.d) AS after_to,
         greatest(last_day.first_period, least(to_char(s.starts_on, 'YYYY-MM'), last_day.last_period)) AS period
  FROM outreach_session s
  JOIN region v ON v.code = s.village_code
  JOIN region d ON d.code = v.parent_code
  CROSS JOIN last_day
  LEFT JOIN outreach_plan p ON p.id = s.plan_id
  LEFT JOIN LATERAL (${siteOf("s", "p.result")}) site ON true
  WHERE s.status = 'HELD' AND ${SQL_IN_REGION_OR_ALL("s.village_code", "$1")}
    AND ($2::date IS NULL OR s.ends_on >= $2::date) AND ($3::date IS NULL OR s.starts_on <= $3::date)
),
all_held AS (
  SELECT s.id, s.starts_on, s.ends_on, coalesce(s.location, v.centroid) AS point, p.result AS plan
  FROM outreach_session s JOIN region v ON v.code = s.village_code LEFT JOIN outreach_plan p ON p.id = s.plan_id
  WHERE s.status = 'HELD'
),
reach AS (
  SELECT a.id, v.code
  FROM all_held a
  JOIN region v ON v.level = 'VILLAGE'
  LEFT JOIN outreach_session s ON s.id = a.id
  LEFT JOIN LATERAL (${siteOf("s", "a.plan")}) site ON true
  WHERE CASE WHEN site.site IS NOT NULL
             THEN EXISTS (SELECT 1 FROM jsonb_array_elements(site.site->'villages') r WHERE r->>'code' = v.code)
             ELSE ST_DWithin(a.point::geography, v.centroid::geography, $4::float8) END
),
groups AS (
  SELECT h.id, r.code, true AS treated FROM held h JOIN reach r ON r.id = h.id
  UNION ALL
  SELECT h.id, v.code, false FROM held h
  JOIN region v ON v.level = 'VILLAGE' AND left(v.code, 5) = left(h.village_code, 5)
  WHERE NOT EXISTS (
    SELECT 1 FROM reach r JOIN all_held o ON o.id = r.id
    WHERE r.code = v.code AND o.starts_on <= h.after_to AND o.ends_on >= h.before_from
  )
),
figures AS (
  SELECT g.id, g.treated, count(*)::int AS villages,
         coalesce(sum((SELECT sum(cs.workforce) FROM coverage_summary cs
                       WHERE cs.village_code = g.code AND cs.period = h.period AND cs.sector_code = ANY(h.target_sectors))), 0)::int AS workforce,
         coalesce(sum((SELECT count(*) FROM enrollment e
                       WHERE e.village_code = g.code AND e.sector_code = ANY(h.target_sectors)
                         AND e.start_date >= h.before_from AND e.start_date < h.starts_on)), 0)::int AS before,
         coalesce(sum((SELECT count(*) FROM enrollment e
                       WHERE e.village_code = g.code AND e.sector_code = ANY(h.target_sectors)
                         AND e.start_date >= h.starts_on AND e.start_date <= h.after_to)), 0)::int AS after
  FROM groups g JOIN held h ON h.id = g.id
  GROUP BY g.id, g.treated
)
SELECT h.id, h.title, to_char(h.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(h.ends_on, 'YYYY-MM-DD') AS "endsOn",
       h.village_code AS "villageCode", h.village_name AS "villageName", h.district_code AS "districtCode", h.district_name AS "districtName",
       h.attendance, h.enrollments_attributed AS "enrollmentsAttributed", h.plan_id AS "planId", h.plan_name AS "planName",
       (h.site->>'expectedEnrollments')::int AS "forecastEnrollments", (h.site->>'uncoveredReached')::int AS "forecastReached",
       coalesce(t.villages, 0) AS "treatedVillages", coalesce(t.workforce, 0) AS "treatedWorkforce",
       coalesce(t.before, 0) AS "treatedBefore", coalesce(t.after, 0) AS "treatedAfter",
       coalesce(c.villages, 0) AS "controlVillages", coalesce(c.workforce, 0) AS "controlWorkforce",
       coalesce(c.before, 0) AS "controlBefore", coalesce(c.after, 0) AS "controlAfter",
       $6::int AS "beforeDays", greatest(h.after_to - h.starts_on + 1, 0) AS "afterDays"
FROM held h
LEFT JOIN figures t ON t.id = h.id AND t.treated
LEFT JOIN figures c ON c.id = h.id AND NOT c.treated
ORDER BY h.starts_on, h.id`;

/** Plans with at least one session: every session made from them, and the plan's own forecast. */
export const PLANS_WITH_SESSIONS = `
SELECT p.id AS "planId", p.name AS "planName", count(s.id)::int AS sessions,
       (p.result->'totals'->>'expectedEnrollments')::int AS "planForecast"
FROM outreach_plan p JOIN outreach_session s ON s.plan_id = p.id
WHERE ${SQL_IN_REGION_OR_ALL("s.village_code", "$1")}
GROUP BY p.id, p.name, p.result
ORDER BY p.id`;
