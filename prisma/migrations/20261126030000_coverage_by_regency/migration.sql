-- Region codes compare byte by byte (COLLATE "C"), whatever the database's locale: then "inside
-- region 35.26" (code LIKE '35.26.%') is one range of each code index, so a refresh or a read of
-- one region touches that region's rows only. Codes are digits and dots: equality is unchanged.
ALTER TABLE "region" ALTER COLUMN "code" TYPE TEXT COLLATE "C", ALTER COLUMN "parent_code" TYPE TEXT COLLATE "C";
ALTER TABLE "workforce_estimate" ALTER COLUMN "village_code" TYPE TEXT COLLATE "C";
ALTER TABLE "enrollment" ALTER COLUMN "village_code" TYPE TEXT COLLATE "C";
ALTER TABLE "fertilizer_point" ALTER COLUMN "village_code" TYPE TEXT COLLATE "C";
ALTER TABLE "outreach_session" ALTER COLUMN "village_code" TYPE TEXT COLLATE "C";
ALTER TABLE "coverage_summary" ALTER COLUMN "village_code" TYPE TEXT COLLATE "C";

-- One month inside one region: a range of (period, village_code).
DROP INDEX "coverage_summary_period_sector_code_idx";
CREATE INDEX "coverage_summary_period_village_code_idx" ON "coverage_summary"("period", "village_code");

-- The first and last month of the data without reading it all (a change of either rebuilds the whole summary).
CREATE INDEX "enrollment_start_date_idx" ON "enrollment"("start_date");
CREATE INDEX "workforce_estimate_period_idx" ON "workforce_estimate"("period");

-- Regencies whose enrollments or workforce changed since the summary was refreshed ('*': all,
-- after a TRUNCATE). Marked by statement triggers that fire even with row triggers off (ALWAYS),
-- read and emptied by the refresh in the same transaction.
CREATE TABLE "coverage_stale" (
  "regency_code" TEXT COLLATE "C" NOT NULL,
  CONSTRAINT "coverage_stale_pkey" PRIMARY KEY ("regency_code")
);

CREATE FUNCTION mark_coverage_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO "coverage_stale" VALUES ('*') ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "coverage_stale" SELECT DISTINCT left(village_code, 5) FROM new_rows ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "coverage_stale" SELECT DISTINCT left(village_code, 5) FROM old_rows ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO "coverage_stale"
      SELECT left(village_code, 5) FROM new_rows UNION SELECT left(village_code, 5) FROM old_rows ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE t text; e text; tables text;
BEGIN
  FOREACH t IN ARRAY ARRAY['enrollment', 'workforce_estimate'] LOOP
    FOREACH e IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'] LOOP
      tables := CASE e WHEN 'INSERT' THEN 'REFERENCING NEW TABLE AS new_rows' WHEN 'UPDATE' THEN 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'
                       WHEN 'DELETE' THEN 'REFERENCING OLD TABLE AS old_rows' ELSE '' END;
      EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I %s FOR EACH STATEMENT EXECUTE FUNCTION mark_coverage_stale()',
                     t || '_marks_coverage_stale_' || lower(e), e, t, tables);
      EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t, t || '_marks_coverage_stale_' || lower(e));
    END LOOP;
  END LOOP;
END
$$;

-- The summary added up per district, regency, province and the nation (code ''), per sector and
-- month, kept by the same refresh: a read at those levels sums a few rows per region instead of
-- every village's. `estimated`: some village in it has an estimated, non-zero workforce.
CREATE TABLE "coverage_rollup" (
  "code" TEXT COLLATE "C" NOT NULL,
  "sector_code" TEXT NOT NULL,
  "period" TEXT NOT NULL,
  "workforce" INTEGER NOT NULL,
  "enrolled" INTEGER NOT NULL,
  "estimated" BOOLEAN NOT NULL,
  CONSTRAINT "coverage_rollup_pkey" PRIMARY KEY ("code", "sector_code", "period")
);
CREATE INDEX "coverage_rollup_period_code_idx" ON "coverage_rollup"("period", "code");
ALTER TABLE "coverage_rollup" ADD CONSTRAINT "coverage_rollup_sector_code_fkey" FOREIGN KEY ("sector_code") REFERENCES "sector"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE TRIGGER "coverage_rollup_bumps_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "coverage_rollup"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
-- Existing data: roll the summary up once.
INSERT INTO "coverage_rollup" ("code", "sector_code", "period", "workforce", "enrolled", "estimated")
SELECT left("village_code", l.len), "sector_code", "period", sum("workforce")::int, sum("enrolled")::int, bool_or("workforce_estimated" AND "workforce" > 0)
FROM "coverage_summary", (VALUES (0), (2), (5), (8)) AS l(len)
GROUP BY 1, 2, 3;
