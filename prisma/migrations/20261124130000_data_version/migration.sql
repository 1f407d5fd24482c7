-- One row counting data changes: every statement that writes a table bumps it (in the writer's
-- transaction, so readers see the new version exactly when they see the new data). The GraphQL
-- response cache keys on it. A new table should get the same trigger.
CREATE TABLE "data_version" (
  "id" INTEGER NOT NULL DEFAULT 1,
  "version" BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT "data_version_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "data_version_one_row" CHECK ("id" = 1)
);
INSERT INTO "data_version" ("id", "version") VALUES (1, 0);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['region', 'sector', 'workforce_estimate', 'enrollment', 'fertilizer_point', 'distribution_schedule',
                           'outreach_session', 'outreach_plan', 'coverage_summary', 'import_run', 'dataset_info'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
                   t || '_bumps_data_version', t);
  END LOOP;
END
$$;
