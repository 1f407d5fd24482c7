// `npm run bench:rebuild [-- --url postgresql://.../db] [--scale 0.1] [--regency 35.01] [--keep]`: the coverage
// summary rebuild on a synthetic nation (PostgreSQL server), the statements in use beside the ones
// they replaced (kept here only, as the reference), on the same data in one run: the whole summary
// and one regency's, each ratio, and whether both give the same rows. Then the rows/s of an
// enrollment CSV import spread over every regency (it rebuilds the whole summary).
// `--url`: an existing database holding a nation (e.g. kept by `bench:nation -- --keep`), reused
// as it is (the import adds its rows to it); else a new one on DATABASE_URL's server (default the
// local one), seeded with a synthetic nation (boundaries, workforce, about 10 million enrollments
// times --scale), dropped afterwards unless --keep. A benchmark, not a test: figures, no assertions.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ImportKind } from "../domain/vocabulary.ts";
import { LEVEL_CODE_LENGTH, SQL_BELOW_REGION_OR_ALL, SQL_IN_REGION_OR_ALL } from "../domain/region-code.ts";
import type { Sql } from "../server/db/sql.ts";
import { openDatabase, type Database } from "../server/db/database.ts";
import { openScratchDatabase } from "../server/db/scratch.ts";
import { runImport } from "../server/imports/run-import.service.ts";
import { refreshCoverageSummary } from "../server/coverage/refresh.sql.ts";
import { seedSyntheticRegion } from "../server/demo/synthetic-region.ts";
import { writeSyntheticEnrollmentCsv } from "../server/demo/synthetic-enrollment-csv.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    scale: { type: "string", default: "0.1" },
    regency: { type: "string", default: "35.01" },
    keep: { type: "boolean", default: false },
  },
});
const scale = Number(values.scale);
const regency = values.regency!;
/** SYNTHETIC_ENROLLMENTS at factor 1 gives about 205 enrollments a village: 17 million for the nation. */
const ENROLLMENT_FACTOR = 10_000_000 / 17_200_000;

// The statements before this rewrite, as they were in server/coverage/refresh.sql.ts: the reference.
const OLD = {
  summary: `
WITH months AS (
  SELECT to_char(g, 'YYYY-MM') AS period
  FROM generate_series(to_date($2 || '-01', 'YYYY-MM-DD'), to_date($3 || '-01', 'YYYY-MM-DD'), interval '1 month') g
),
pairs AS (
  SELECT village_code, sector_code FROM workforce_estimate WHERE ${SQL_BELOW_REGION_OR_ALL("village_code", "$1")}
  UNION SELECT village_code, sector_code FROM enrollment WHERE ${SQL_BELOW_REGION_OR_ALL("village_code", "$1")}
),
moves AS (
  SELECT village_code, sector_code, to_char(start_date, 'YYYY-MM') AS period, 1 AS delta
  FROM enrollment WHERE ${SQL_BELOW_REGION_OR_ALL("village_code", "$1")}
  UNION ALL
  SELECT village_code, sector_code, to_char(end_date, 'YYYY-MM'), -1
  FROM enrollment WHERE end_date IS NOT NULL AND ${SQL_BELOW_REGION_OR_ALL("village_code", "$1")}
),
grid AS (
  SELECT p.village_code, p.sector_code, m.period FROM pairs p CROSS JOIN months m
),
net AS (
  SELECT g.village_code, g.sector_code, g.period, coalesce(sum(mv.delta), 0) AS delta
  FROM grid g LEFT JOIN moves mv USING (village_code, sector_code, period)
  GROUP BY 1, 2, 3
),
enrolled AS (
  SELECT village_code, sector_code, period,
         sum(delta) OVER (PARTITION BY village_code, sector_code ORDER BY period)::int AS enrolled
  FROM net
)
INSERT INTO coverage_summary (village_code, sector_code, period, workforce, workforce_estimated, enrolled, coverage_rate, uncovered)
SELECT e.village_code, e.sector_code, e.period,
       coalesce(w.workers, 0), coalesce(w.estimated, true), e.enrolled,
       CASE WHEN coalesce(w.workers, 0) > 0 THEN e.enrolled::float8 / w.workers END,
       greatest(coalesce(w.workers, 0) - e.enrolled, 0)
FROM enrolled e
LEFT JOIN LATERAL (
  SELECT workers, estimated FROM workforce_estimate w
  WHERE w.village_code = e.village_code AND w.sector_code = e.sector_code
  ORDER BY (w.period <= e.period) DESC,
           CASE WHEN w.period <= e.period THEN w.period END DESC,
           w.period ASC
  LIMIT 1
) w ON true
ORDER BY e.period, e.village_code`,
  clearSummary: `DELETE FROM coverage_summary WHERE ${SQL_BELOW_REGION_OR_ALL("village_code", "$1")}`,
  clearRollup: `DELETE FROM coverage_rollup WHERE ${SQL_IN_REGION_OR_ALL("code", "$1")}`,
  rollUpRegency: `
INSERT INTO coverage_rollup (code, sector_code, period, workforce, enrolled, estimated)
SELECT left(village_code, l.len), sector_code, period, sum(workforce)::int, sum(enrolled)::int, bool_or(workforce_estimated AND workforce > 0)
FROM coverage_summary, (VALUES (${LEVEL_CODE_LENGTH.REGENCY}), (${LEVEL_CODE_LENGTH.DISTRICT})) AS l(len)
WHERE ${SQL_BELOW_REGION_OR_ALL("village_code", "$1")}
GROUP BY 1, 2, 3
ORDER BY 3, 1`,
  clearProvincesAndNation: `
DELETE FROM coverage_rollup WHERE code = '' OR (length(code) = ${LEVEL_CODE_LENGTH.PROVINCE} AND ($1::text[] IS NULL OR code = ANY($1::text[])))`,
  rollUpProvinces: `
INSERT INTO coverage_rollup (code, sector_code, period, workforce, enrolled, estimated)
SELECT left(code, ${LEVEL_CODE_LENGTH.PROVINCE}), sector_code, period, sum(workforce)::int, sum(enrolled)::int, bool_or(estimated)
FROM coverage_rollup
WHERE length(code) = ${LEVEL_CODE_LENGTH.REGENCY} AND ($1::text[] IS NULL OR left(code, ${LEVEL_CODE_LENGTH.PROVINCE}) = ANY($1::text[]))
GROUP BY 1, 2, 3`,
  rollUpNation: `
INSERT INTO coverage_rollup (code, sector_code, period, workforce, enrolled, estimated)
SELECT '', sector_code, period, sum(workforce)::int, sum(enrolled)::int, bool_or(estimated)
FROM coverage_rollup WHERE length(code) = ${LEVEL_CODE_LENGTH.PROVINCE}
GROUP BY 2, 3`,
};
const MONTHS = `
SELECT to_char(least(min(start_date), (SELECT to_date(min(period) || '-01', 'YYYY-MM-DD') FROM workforce_estimate)), 'YYYY-MM') AS lo,
       to_char(greatest(max(start_date), (SELECT to_date(max(period) || '-01', 'YYYY-MM-DD') FROM workforce_estimate)), 'YYYY-MM') AS hi
FROM enrollment`;

/** The old refresh of one regency (null: all), as refreshCoverageSummary ran it. */
async function oldRefresh(tx: Sql, region: string | null): Promise<void> {
  await tx.query(`DELETE FROM coverage_stale`);
  const [{ lo, hi }] = await tx.query<{ lo: string; hi: string }>(MONTHS);
  await tx.query(OLD.clearSummary, [region]);
  await tx.query(OLD.clearRollup, [region]);
  await tx.query(OLD.summary, [region, lo, hi]);
  await tx.query(OLD.rollUpRegency, [region]);
  const provinces = region === null ? null : [region.slice(0, LEVEL_CODE_LENGTH.PROVINCE)];
  await tx.query(OLD.clearProvincesAndNation, [provinces]);
  await tx.query(OLD.rollUpProvinces, [provinces]);
  await tx.query(OLD.rollUpNation);
  if (region === null) await tx.exec(`ANALYZE coverage_summary, coverage_rollup, region`);
}

/** The refresh in use, made to rebuild one regency (null: all) as an import touching it would. */
async function newRefresh(tx: Sql, region: string | null): Promise<void> {
  await tx.query(`INSERT INTO coverage_stale VALUES ($1) ON CONFLICT DO NOTHING`, [region ?? "*"]);
  await refreshCoverageSummary(tx);
}

const SUMMARY_OF = `SELECT * FROM coverage_summary WHERE ${SQL_BELOW_REGION_OR_ALL("village_code", "$1")}`;
const ROLLUP = `SELECT * FROM coverage_rollup`;
/** Rows in one table and not the other, either way (0: the same rows). */
const DIFFERENCE = (a: string, b: string) =>
  `SELECT ((SELECT count(*) FROM (TABLE ${a} EXCEPT ALL TABLE ${b}) x) + (SELECT count(*) FROM (TABLE ${b} EXCEPT ALL TABLE ${a}) y))::int AS n`;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const timed = async (work: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

const work = mkdtempSync(join(tmpdir(), "cakupan-bench-rebuild-"));
const scratch = values.url ? null : await openScratchDatabase(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
const db: Database = scratch ?? (await openDatabase({ url: values.url }));
try {
  const [{ villages }] = await db.sql.query<{ villages: number }>(`SELECT count(*)::int AS villages FROM region WHERE level = 'VILLAGE'`);
  if (villages === 0) {
    console.log("Seeding a synthetic nation (boundaries, workforce, enrollments)...");
    await seedSyntheticRegion(db.sql, { region: null, enrollmentScale: ENROLLMENT_FACTOR * scale });
  }
  const [size] = await db.sql.query<{ villages: number; enrollments: number; summary: number }>(
    `SELECT (SELECT count(*) FROM region WHERE level = 'VILLAGE')::int AS villages, (SELECT count(*) FROM enrollment)::int AS enrollments,
            (SELECT count(*) FROM coverage_summary)::int AS summary`,
  );
  console.log(
    `${size.villages.toLocaleString("en")} villages, ${size.enrollments.toLocaleString("en")} enrollments, ${size.summary.toLocaleString("en")} summary rows`,
  );
  await db.sql.exec(`DROP TABLE IF EXISTS bench_old_summary, bench_old_rollup`);

  const rows: [string, number, number, number][] = [];
  for (const region of [null, regency]) {
    const what = region === null ? "whole summary (every village)" : `one regency (${region})`;
    // Each from the same state: the summary as the other left it (the same rows), vacuumed.
    await db.sql.exec(`VACUUM ANALYZE coverage_summary, coverage_rollup`);
    const oldMs = await timed(() => db.sql.transaction((tx) => oldRefresh(tx, region)));
    await db.sql.query(`CREATE TABLE bench_old_summary AS ${SUMMARY_OF}`, [region]);
    await db.sql.exec(`CREATE TABLE bench_old_rollup AS ${ROLLUP}`);
    await db.sql.exec(`VACUUM ANALYZE coverage_summary, coverage_rollup`);
    const newMs = await timed(() => db.sql.transaction((tx) => newRefresh(tx, region)));
    await db.sql.query(`CREATE TEMP TABLE bench_new_summary AS ${SUMMARY_OF}`, [region]);
    await db.sql.exec(`CREATE TEMP TABLE bench_new_rollup AS ${ROLLUP}`);
    const [{ n: summaryDiff }] = await db.sql.query<{ n: number }>(DIFFERENCE("bench_old_summary", "bench_new_summary"));
    const [{ n: rollupDiff }] = await db.sql.query<{ n: number }>(DIFFERENCE("bench_old_rollup", "bench_new_rollup"));
    await db.sql.exec(`DROP TABLE bench_old_summary, bench_old_rollup, bench_new_summary, bench_new_rollup`);
    rows.push([what, oldMs, newMs, summaryDiff + rollupDiff]);
    console.log(
      `${what}: old ${seconds(oldMs)}, new ${seconds(newMs)}, ${(oldMs / newMs).toFixed(1)}x; rows differing: ${summaryDiff} in the summary, ${rollupDiff} in the rollup`,
    );
  }

  // An upload spread over every regency: the import rebuilds the whole summary (new statements).
  const csvRows = Math.round(1_000_000 * scale);
  const csv = join(work, "spread.csv");
  const codes = (await db.sql.query<{ code: string }>(`SELECT code FROM region WHERE level = 'VILLAGE' ORDER BY code`)).map((r) => r.code);
  writeSyntheticEnrollmentCsv(csv, csvRows, codes, 100_000_000 + (Date.now() % 100_000_000_000)); // new NIKs each run
  const importMs = await timed(() =>
    runImport(db.sql, { kind: ImportKind.ENROLLMENTS, source: { location: csv }, nikKey: "bench-key-".padEnd(40, "x") }),
  );
  const spread = `${Math.round(csvRows / (importMs / 1000)).toLocaleString("en")} rows/s (${seconds(importMs)})`;
  console.log(`enrollment CSV import, ${csvRows.toLocaleString("en")} rows in every regency (whole summary rebuilt): ${spread}`);

  console.log("\n| rebuild | old statements | new statements | old / new | rows differing |\n|---|---|---|---|---|");
  for (const [what, oldMs, newMs, diff] of rows)
    console.log(`| ${what} | ${seconds(oldMs)} | ${seconds(newMs)} | ${(oldMs / newMs).toFixed(1)}x | ${diff} |`);
  console.log(`| enrollment CSV import, ${csvRows.toLocaleString("en")} rows in every regency | | ${spread} | | |`);
} finally {
  if (scratch) {
    await scratch.close({ keep: values.keep });
    if (values.keep) console.log(`kept: ${scratch.url}`);
  } else await db.close();
  rmSync(work, { recursive: true, force: true });
}
