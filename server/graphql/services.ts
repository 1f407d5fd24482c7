import type { Database } from "../db/database.ts";
import { HeavyWork } from "../common/heavy-work.ts";
import { CoverageService } from "../coverage/coverage.service.ts";
import { RegionService } from "../regions/region.service.ts";
import { DatasetService } from "../regions/dataset-info.ts";
import { OutreachService } from "../outreach/outreach.service.ts";
import { PlannerService } from "../planner/planner.service.ts";
import { DataQualityService } from "../quality/data-quality.service.ts";
import { ImportService } from "../imports/import-upload.service.ts";
import { DisclosureService, type Disclosure } from "../disclosure/disclosure.service.ts";
import { RenewalService } from "../renewals/renewals.service.ts";
import { ScenarioService } from "../scenarios/scenarios.service.ts";
import { OutcomeService } from "../outcomes/outcomes.service.ts";
import { RegionScope } from "../people/region-scope.ts";
import { dataVersionOf } from "../cache/data-version.ts";

/** Every way from a request into the data: resolvers and export routes use these, never the database. */
export interface Services {
  /** The data version (cache/data-version.ts), read at most once per request and shared by everything that keys on it. */
  dataVersion(): Promise<string>;
  regions: RegionService;
  coverage: CoverageService;
  outreach: OutreachService;
  planner: PlannerService;
  quality: DataQualityService;
  imports: ImportService;
  dataset: DatasetService;
  disclosure: DisclosureService;
  renewals: RenewalService;
  scenarios: ScenarioService;
  outcomes: OutcomeService;
}

/** One set per request, so DataLoader caches never outlive a request. */
export interface RequestScope {
  /** The app's queue for heavy work (planning); one per app, shared by its requests. Default: one of its own. */
  heavy?: HeavyWork;
  /** Aborts when the client abandons the request. */
  signal?: AbortSignal;
  /** Whether answers are suppressed (see server/disclosure). Default: nothing suppressed (scripts, imports). */
  disclosure?: Disclosure;
  /** Where the requester may plan and change sessions (a planner: its regions). Default: everywhere. */
  regions?: RegionScope;
}

export function createServices(db: Database, scope: RequestScope = {}): Services {
  const regions = new RegionService(db.sql);
  let version: Promise<string> | null = null;
  const dataVersion = () => (version ??= dataVersionOf(db));
  const disclosure = new DisclosureService(db, scope.disclosure ?? { minCellSize: 1, suppress: false }, dataVersion);
  const coverage = new CoverageService(db.sql, regions, disclosure, { owner: db.prisma, version: dataVersion });
  const renewals = new RenewalService(db.sql, regions, coverage, disclosure);
  const scoped = scope.regions ?? new RegionScope();
  const planner = new PlannerService(
    db,
    regions,
    coverage,
    disclosure,
    renewals,
    scope.heavy ?? new HeavyWork(2, 100),
    scoped,
    scope.signal,
  );
  return {
    dataVersion,
    disclosure,
    regions,
    coverage,
    outreach: new OutreachService(db, regions, scoped, disclosure.disclosure),
    planner,
    quality: new DataQualityService(db.sql),
    imports: new ImportService(db.sql),
    dataset: new DatasetService(db.sql),
    renewals,
    scenarios: new ScenarioService(db, regions, coverage, planner, disclosure),
    outcomes: new OutcomeService(db.sql, regions, disclosure.disclosure),
  };
}
