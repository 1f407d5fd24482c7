import type { Database } from "../db/database.ts";
import { CoverageService } from "../coverage/coverage.service.ts";
import { RegionService } from "../regions/region.service.ts";
import { DatasetService } from "../regions/dataset-info.ts";
import { OutreachService } from "../outreach/outreach.service.ts";
import { PlannerService } from "../planner/planner.service.ts";
import { DataQualityService } from "../quality/data-quality.service.ts";
import { ImportService } from "../imports/import-upload.service.ts";

/** Every way from a request into the data: resolvers and export routes use these, never the database. */
export interface Services {
  regions: RegionService;
  coverage: CoverageService;
  outreach: OutreachService;
  planner: PlannerService;
  quality: DataQualityService;
  imports: ImportService;
  dataset: DatasetService;
}

/** One set per request, so DataLoader caches never outlive a request. */
export function createServices(db: Database): Services {
  const regions = new RegionService(db.sql);
  const coverage = new CoverageService(db.sql, regions);
  return {
    regions,
    coverage,
    outreach: new OutreachService(db, regions),
    planner: new PlannerService(db, regions, coverage),
    quality: new DataQualityService(db.sql),
    imports: new ImportService(db.sql),
    dataset: new DatasetService(db),
  };
}
