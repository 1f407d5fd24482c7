/**
 * Public facts the demo is calibrated to (Bangkalan, September 2025): about 28,000 vulnerable
 * informal workers enrolled in BPJS Ketenagakerjaan (JKK + JKM), mostly paid from the DBHCHT
 * tobacco-excise fund; fishers almost all covered; farmers the largest group and under half
 * covered, varying widely between villages; livestock keepers in between. The worker numbers
 * themselves are synthetic.
 */
export const CALIBRATION = {
  latestPeriod: "2025-09",
  firstPeriod: "2023-10",
  workforcePeriod: "2023-10",
  sectors: {
    FARMER: { workforce: 36_000, meanCoverage: 0.42, spread: 5 },
    LIVESTOCK: { workforce: 9_500, meanCoverage: 0.62, spread: 12 },
    FISHER: { workforce: 7_400, meanCoverage: 0.95, spread: 60 },
  },
  /** Share of enrollments by funding source. */
  funding: { DBHCHT: 0.86, APBD: 0.08, SELF: 0.04, OTHER: 0.02 },
  /** Share of today's enrollees who were already enrolled in the first month. */
  initialShare: 0.45,
  /**
   * Renewals: premiums are paid for 12-month terms (JKK/JKM for non-wage workers); at each term end
   * the worker is renewed or the coverage lapses. The share renewed per funding source is ASSUMED
   * (no public figure for Bangkalan was found): the regency renews DBHCHT- and APBD-funded workers
   * in bulk while the budget holds; self-paid workers renew far less often.
   */
  renewal: { termMonths: 12, rate: { DBHCHT: 0.85, APBD: 0.85, SELF: 0.5, OTHER: 0.7 } },
  socialization: {
    title: "Sosialisasi BPJS Ketenagakerjaan bagi pekerja rentan (DBHCHT)",
    startsOn: "2025-09-22",
    endsOn: "2025-09-24",
    attendance: 420,
  },
} as const;

export type DemoSector = keyof typeof CALIBRATION.sectors;
