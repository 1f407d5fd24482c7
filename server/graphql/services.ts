import type { Database } from "../db/database.ts";
import { HeavyWork } from "../common/heavy-work.ts";
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
export interface RequestScope {
  /** The app's queue for heavy work (planning); one per app, shared by its requests. Default: one of its own. */
  heavy?: HeavyWork;
  /** Aborts when the client abandons the request. */
  signal?: AbortSignal;
}

export function createServices(db: Database, scope: RequestScope = {}): Services {
  const regions = new RegionService(db.sql);
  const coverage = new CoverageService(db.sql, regions);
  return {
    regions,
    coverage,
    outreach: new OutreachService(db, regions),
    planner: new PlannerService(db, regions, coverage, scope.heavy ?? new HeavyWork(2, 100), scope.signal),
  };
}
