/**
 * The domain vocabulary, once, for the server, the client, the database and the API.
 *
 * Each word list is a frozen object of string values with a type of the same name (the union of
 * its values), so a value is the same string in the database (Prisma's enums), in GraphQL (where
 * server/graphql/enums.ts registers these objects) and in the client (whose generated types are
 * the same unions). This module imports nothing: everything else may import it.
 */

const words = <const W extends string>(...values: W[]): Readonly<{ [K in W]: K }> =>
  Object.freeze(Object.fromEntries(values.map((v) => [v, v]))) as { [K in W]: K };

type Of<T> = T[keyof T];

/** Informal-worker sectors, in display order. */
export const Sector = words("FARMER", "LIVESTOCK", "FISHER");
export type Sector = Of<typeof Sector>;
export const SECTORS: readonly Sector[] = Object.values(Sector);

/** Kemendagri administrative levels, largest first (as stored; see region-code.ts for the codes). */
export const RegionLevel = words("PROVINCE", "REGENCY", "DISTRICT", "VILLAGE");
export type RegionLevel = Of<typeof RegionLevel>;

/** How far a coverage rate can be trusted; SUPPRESSED: withheld by disclosure control (server/disclosure). */
export const Reliability = words("COUNT", "ESTIMATE", "SMALL_WORKFORCE", "NO_WORKFORCE", "SUPPRESSED");
export type Reliability = Of<typeof Reliability>;

/** A coverage figure to sort or rank by. */
export const CoverageMetric = words("WORKFORCE", "ENROLLED", "COVERAGE_RATE", "UNCOVERED", "UNCOVERED_PER_KM2", "GAP_TO_TARGET");
export type CoverageMetric = Of<typeof CoverageMetric>;

export const SortDirection = words("ASC", "DESC");
export type SortDirection = Of<typeof SortDirection>;

/** Level of detail of boundary geometry. */
export const GeometryDetail = words("LOW", "MEDIUM", "FULL");
export type GeometryDetail = Of<typeof GeometryDetail>;

/** Where an outreach session stands. */
export const SessionStatus = words("PLANNED", "HELD", "CANCELLED");
export type SessionStatus = Of<typeof SessionStatus>;

/** What an imported file holds. */
export const ImportKind = words("BOUNDARIES", "WORKFORCE", "ENROLLMENTS");
export type ImportKind = Of<typeof ImportKind>;

/** Kinds of fertilizer distribution point. */
export const FertilizerPointKind = words("WAREHOUSE", "KIOSK");
export type FertilizerPointKind = Of<typeof FertilizerPointKind>;

/** Kinds of candidate site for an outreach session: a fertilizer point or a village's inner point. */
export const SiteKind = words("WAREHOUSE", "KIOSK", "VILLAGE");
export type SiteKind = Of<typeof SiteKind>;

/** Where the planner may hold sessions. */
export const CandidateSites = words("FERTILIZER_POINTS", "FERTILIZER_POINTS_AND_VILLAGES");
export type CandidateSites = Of<typeof CandidateSites>;

/** Where the planner's expected enrollment rate came from. */
export const RateSource = words("GIVEN", "PAST_SESSIONS", "DEFAULT");
export type RateSource = Of<typeof RateSource>;

/** Why the planner stopped adding sites. */
export const StopReason = words("SESSIONS_REACHED", "BUDGET_SPENT", "NOTHING_LEFT_TO_REACH");
export type StopReason = Of<typeof StopReason>;

/** How the budget view picks the villages an allocation funds first. */
export const AllocationRule = words("LARGEST_UNCOVERED", "LOWEST_RATE", "EQUAL_PER_DISTRICT");
export type AllocationRule = Of<typeof AllocationRule>;

/** An enrollment's state. */
export const EnrollmentStatus = words("ACTIVE", "ENDED");
export type EnrollmentStatus = Of<typeof EnrollmentStatus>;

/** Who pays an enrollment's premium. */
export const FundingSource = words("DBHCHT", "APBD", "SELF", "OTHER");
export type FundingSource = Of<typeof FundingSource>;
