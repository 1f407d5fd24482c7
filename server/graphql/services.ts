import type { Database } from "../db/database.ts";
import { CoverageService } from "../coverage/coverage.service.ts";
import { RegionService } from "../regions/region.service.ts";
import { OutreachService } from "../outreach/outreach.service.ts";
import { PlannerService } from "../planner/planner.service.ts";

export interface Services {
  regions: RegionService;
  coverage: CoverageService;
  outreach: OutreachService;
  planner: PlannerService;
}

/** One set per request, so DataLoader caches never outlive a request. */
export function createServices(db: Database): Services {
  const regions = new RegionService(db.sql);
  const coverage = new CoverageService(db.sql, regions);
  return { regions, coverage, outreach: new OutreachService(db, regions), planner: new PlannerService(db, regions, coverage) };
}
