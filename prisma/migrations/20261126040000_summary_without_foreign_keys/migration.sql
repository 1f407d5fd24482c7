-- The coverage summary and its rollup are derived tables: every row is built from enrollment and
-- workforce_estimate, whose own foreign keys already hold each village and sector code, and
-- regions are never deleted (a boundary import upserts them). Checking the same codes again for
-- each of the 4.6 million rows a national rebuild writes took almost half of it: 98 s with these
-- keys, 54 s without, on the synthetic nation of `npm run bench:rebuild` (906,332 enrollments).
ALTER TABLE "coverage_summary" DROP CONSTRAINT "coverage_summary_village_code_fkey",
  DROP CONSTRAINT "coverage_summary_sector_code_fkey";
ALTER TABLE "coverage_rollup" DROP CONSTRAINT "coverage_rollup_sector_code_fkey";
