// Disclosure control for what sessions recorded (attendance, enrollments attributed): the rule of
// server/disclosure/rule.ts over the held sessions, each a cell summed into its village, the regions
// above it, the nation and the plan it came from. Computed over every held session, whatever a
// request filters, so the same session is suppressed in every answer.
import type { Sql } from "../db/sql.ts";
import { parentOfCode } from "../../domain/region-code.ts";
import { patternOptions, type Disclosure } from "../disclosure/disclosure.service.ts";
import { groupedCells, patternOver } from "../disclosure/rule.ts";

/** Every held session's recorded counts. */
const HELD_COUNTS = `
SELECT s.id, s.village_code AS "villageCode", s.plan_id AS "planId", coalesce(s.attendance, 0) AS attendance,
       s.enrollments_attributed AS "enrollmentsAttributed"
FROM outreach_session s WHERE s.status = 'HELD'`;

/** Which sessions' counts are suppressed. */
export interface SessionPatterns {
  attendance: ReadonlySet<number>;
  enrollmentsAttributed: ReadonlySet<number>;
}

type Held = { id: number; villageCode: string; planId: number | null; attendance: number; enrollmentsAttributed: number };

const sessionKey = (id: number) => `session:${id}`;

/** The published sums a session is part of: its village and the regions above, the nation, its plan. */
function groupsOf(s: Held): string[] {
  const groups = [""];
  for (let code: string | null = s.villageCode; code !== null; code = parentOfCode(code)) groups.push(code);
  if (s.planId !== null) groups.push(`plan:${s.planId}`);
  return groups;
}

/** The patterns (null: nothing suppressed); one statement, sessions are few. */
export async function sessionPatterns(sql: Sql, disclosure: Disclosure): Promise<SessionPatterns | null> {
  if (!disclosure.suppress || disclosure.minCellSize <= 1) return null;
  const held = await sql.query<Held>(HELD_COUNTS, []);
  const of = (count: (s: Held) => number): Set<number> => {
    const { cells, equations } = groupedCells(held.map((s) => ({ key: sessionKey(s.id), count: count(s), groups: groupsOf(s) })));
    const keys = patternOver(cells, equations, disclosure.minCellSize, patternOptions);
    return new Set(held.filter((s) => keys.has(sessionKey(s.id))).map((s) => s.id));
  };
  return { attendance: of((s) => s.attendance), enrollmentsAttributed: of((s) => s.enrollmentsAttributed) };
}

/** A session's recorded counts as published: suppressed ones null. */
export function disclosedCounts<S extends { id: number; attendance: number | null; enrollmentsAttributed: number | null }>(
  s: S,
  p: SessionPatterns | null,
): S & { suppressed: boolean } {
  const attendance = p?.attendance.has(s.id) ?? false;
  const enrollments = p?.enrollmentsAttributed.has(s.id) ?? false;
  return {
    ...s,
    attendance: attendance ? null : s.attendance,
    enrollmentsAttributed: enrollments ? null : s.enrollmentsAttributed,
    suppressed: attendance || enrollments,
  };
}
