-- Cakupan initial schema. PostGIS geometry columns and their GiST indexes are
-- declared here; schema.prisma marks them Unsupported(...).
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TYPE "RegionLevel" AS ENUM ('PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE');
CREATE TYPE "EnrollmentStatus" AS ENUM ('ACTIVE', 'ENDED');
CREATE TYPE "FundingSource" AS ENUM ('DBHCHT', 'APBD', 'SELF', 'OTHER');
CREATE TYPE "FertilizerPointKind" AS ENUM ('WAREHOUSE', 'KIOSK');
CREATE TYPE "SessionStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED');

CREATE TABLE "region" (
    "code" TEXT NOT NULL,
    "level" "RegionLevel" NOT NULL,
    "name" TEXT NOT NULL,
    "parent_code" TEXT,
    "geom" geometry(MultiPolygon,4326),
    "geom_medium" geometry(MultiPolygon,4326),
    "geom_low" geometry(MultiPolygon,4326),
    "centroid" geometry(Point,4326),
    "area_km2" DOUBLE PRECISION,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,
    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "sector" (
    "code" TEXT NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "sort" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "sector_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "workforce_estimate" (
    "village_code" TEXT NOT NULL,
    "sector_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "workers" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "estimated" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "workforce_estimate_pkey" PRIMARY KEY ("village_code","sector_code","period")
);

CREATE TABLE "enrollment" (
    "id" SERIAL NOT NULL,
    "nik_hash" TEXT NOT NULL,
    "village_code" TEXT NOT NULL,
    "sector_code" TEXT NOT NULL,
    "jkk" BOOLEAN NOT NULL DEFAULT true,
    "jkm" BOOLEAN NOT NULL DEFAULT true,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "status" "EnrollmentStatus" NOT NULL,
    "funding_source" "FundingSource" NOT NULL,
    "session_id" INTEGER,
    CONSTRAINT "enrollment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "fertilizer_point" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "FertilizerPointKind" NOT NULL,
    "village_code" TEXT NOT NULL,
    "geom" geometry(Point,4326) NOT NULL,
    CONSTRAINT "fertilizer_point_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "distribution_schedule" (
    "id" SERIAL NOT NULL,
    "point_id" INTEGER NOT NULL,
    "season" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    CONSTRAINT "distribution_schedule_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "outreach_session" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'PLANNED',
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "village_code" TEXT NOT NULL,
    "point_id" INTEGER,
    "location" geometry(Point,4326),
    "target_sectors" TEXT[],
    "attendance" INTEGER,
    "enrollments_attributed" INTEGER NOT NULL DEFAULT 0,
    "notes" TEXT,
    "plan_id" INTEGER,
    CONSTRAINT "outreach_session_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "outreach_plan" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "outreach_plan_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "coverage_summary" (
    "village_code" TEXT NOT NULL,
    "sector_code" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "workforce" INTEGER NOT NULL,
    "workforce_estimated" BOOLEAN NOT NULL,
    "enrolled" INTEGER NOT NULL,
    "coverage_rate" DOUBLE PRECISION,
    "uncovered" INTEGER NOT NULL,
    CONSTRAINT "coverage_summary_pkey" PRIMARY KEY ("village_code","sector_code","period")
);

CREATE TABLE "import_run" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "file_hash" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "import_run_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "dataset_info" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    CONSTRAINT "dataset_info_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "region_parent_code_idx" ON "region"("parent_code");
CREATE INDEX "region_level_idx" ON "region"("level");
CREATE UNIQUE INDEX "enrollment_nik_hash_key" ON "enrollment"("nik_hash");
CREATE INDEX "enrollment_village_code_sector_code_idx" ON "enrollment"("village_code", "sector_code");
CREATE INDEX "enrollment_session_id_idx" ON "enrollment"("session_id");
CREATE UNIQUE INDEX "fertilizer_point_code_key" ON "fertilizer_point"("code");
CREATE INDEX "fertilizer_point_village_code_idx" ON "fertilizer_point"("village_code");
CREATE INDEX "distribution_schedule_point_id_idx" ON "distribution_schedule"("point_id");
CREATE INDEX "outreach_session_village_code_idx" ON "outreach_session"("village_code");
CREATE INDEX "outreach_session_starts_on_idx" ON "outreach_session"("starts_on");
CREATE INDEX "coverage_summary_period_sector_code_idx" ON "coverage_summary"("period", "sector_code");
CREATE UNIQUE INDEX "import_run_kind_file_hash_key" ON "import_run"("kind", "file_hash");

-- Spatial indexes (not expressible in schema.prisma).
CREATE INDEX "region_geom_gist" ON "region" USING GIST ("geom");
CREATE INDEX "region_centroid_gist" ON "region" USING GIST ("centroid");
CREATE INDEX "fertilizer_point_geom_gist" ON "fertilizer_point" USING GIST ("geom");
CREATE INDEX "outreach_session_location_gist" ON "outreach_session" USING GIST ("location");

ALTER TABLE "region" ADD CONSTRAINT "region_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "workforce_estimate" ADD CONSTRAINT "workforce_estimate_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "workforce_estimate" ADD CONSTRAINT "workforce_estimate_sector_code_fkey" FOREIGN KEY ("sector_code") REFERENCES "sector"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_sector_code_fkey" FOREIGN KEY ("sector_code") REFERENCES "sector"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "outreach_session"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "fertilizer_point" ADD CONSTRAINT "fertilizer_point_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "distribution_schedule" ADD CONSTRAINT "distribution_schedule_point_id_fkey" FOREIGN KEY ("point_id") REFERENCES "fertilizer_point"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "outreach_session" ADD CONSTRAINT "outreach_session_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "outreach_session" ADD CONSTRAINT "outreach_session_point_id_fkey" FOREIGN KEY ("point_id") REFERENCES "fertilizer_point"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "outreach_session" ADD CONSTRAINT "outreach_session_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "outreach_plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "coverage_summary" ADD CONSTRAINT "coverage_summary_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "coverage_summary" ADD CONSTRAINT "coverage_summary_sector_code_fkey" FOREIGN KEY ("sector_code") REFERENCES "sector"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

INSERT INTO "sector" ("code", "name_id", "name_en", "sort") VALUES
    ('FARMER', 'Petani', 'Farmer', 1),
    ('LIVESTOCK', 'Peternak', 'Livestock keeper', 2),
    ('FISHER', 'Nelayan', 'Fisher', 3);
