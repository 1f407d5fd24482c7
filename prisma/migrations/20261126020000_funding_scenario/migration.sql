-- Funding scenarios (server/scenarios): next year's premium cost of renewing every active worker and
-- what extra money from each source buys in new coverage, saved like outreach plans. Village funds
-- (Dana Desa) join the funding sources.
ALTER TYPE "FundingSource" ADD VALUE IF NOT EXISTS 'DANA_DESA' BEFORE 'SELF';

CREATE TABLE "funding_scenario" (
  "id" SERIAL NOT NULL,
  "name" TEXT NOT NULL,
  "params" JSONB NOT NULL,
  "result" JSONB NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "funding_scenario_pkey" PRIMARY KEY ("id")
);

CREATE TRIGGER "funding_scenario_bumps_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "funding_scenario"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
