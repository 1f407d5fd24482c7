/**
 * Bounds and defaults of what users may ask, once for the server (declared on the GraphQL Args and
 * Input classes, see server/common/validation.ts) and the client (its forms and URL parsing).
 */

/** Inclusive [min, max]. */
export type Bound = readonly [min: number, max: number];

/** The planner's and the budget view's inputs (PlanInput, BudgetInput). */
export const PLAN_BOUNDS = {
  sessions: [1, 50],
  maxDistanceKm: [0.1, 50],
  enrollmentRate: [0, 1],
  /** Rp10 trillion: more than any regency's whole yearly budget. */
  budget: [0, 1e13],
  monthlyPremium: [1, 10_000_000],
  months: [1, 60],
} as const satisfies Record<string, Bound>;

/** Rp10,000 JKK + Rp6,800 JKM a month: the lowest bracket for non-wage workers. */
export const DEFAULT_MONTHLY_PREMIUM = 16_800;
export const DEFAULT_MONTHS = 12;
/** Used when no held session has recorded attendance: one in four reached workers enrols. */
export const DEFAULT_ENROLLMENT_RATE = 0.25;

/** Page sizes (`first`). */
export const PAGE_BOUNDS = {
  coverage: [1, 500],
  searchRegions: [1, 100],
  nearestFertilizerPoints: [1, 50],
  auditLog: [1, 1000],
} as const satisfies Record<string, Bound>;

/** A coverage-rate target, a share of the workforce. */
export const TARGET_RATE: Bound = [0, 1];
/** How far around a point regionsWithin looks, in metres. */
export const WITHIN_METERS: Bound = [0, 100_000];
export const LONGITUDE: Bound = [-180, 180];
export const LATITUDE: Bound = [-90, 90];
/** Counts of people (attendance, workforce thresholds). */
export const COUNT: Bound = [0, Number.MAX_SAFE_INTEGER];

/**
 * Enrollment terms (lapses and renewals): a non-wage worker's JKK/JKM is paid for a term of this
 * many months; an enrollment without an end date runs in such terms from its start date.
 */
export const TERM_MONTHS = 12;
/** How many months ahead "ending soon" looks (1 to 3; 3 by default). */
export const ENDING_SOON_MONTHS: Bound = [1, 3];
