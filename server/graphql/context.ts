import type { Database } from "../db/database.ts";
import type { ReadRoute } from "../db/replicas.ts";
import type { Config } from "../config.ts";
import { seesUnsuppressedCounts, type Viewer } from "../people/roles.ts";
import { RegionScope } from "../people/region-scope.ts";
import { createServices, type RequestScope, type Services } from "./services.ts";
import type { Disclosure } from "../disclosure/disclosure.service.ts";

export interface Context {
  db: Database;
  /** `nikKey`: the key NIKs are hashed with (uploaded enrollment imports). */
  config: Pick<Config, "ADMIN_TOKEN" | "BASEMAP_URL" | "MIN_CELL_SIZE" | "ANONYMOUS_ACCESS" | "ANALYSTS_SEE_UNSUPPRESSED"> & {
    nikKey?: string;
  };
  /** Request-scoped services (their DataLoaders batch within one request), limited to the viewer's regions. */
  services: Services;
  /** Who is asking (see server/people/viewer.ts); the auth checker and the services decide with it. */
  viewer: Viewer;
  /** The minimum cell size, and whether this request's answers are suppressed (see server/disclosure). */
  disclosure: Disclosure;
  /** The client's address (HTTP requests), for the log. */
  ip?: string;
  /** HTTP requests: set read-only once the operation is known to be a query (its reads may go to a replica). */
  route?: ReadRoute;
}

export function createContext(db: Database, config: Context["config"], viewer: Viewer, scope: Omit<RequestScope, "regions"> = {}): Context {
  const minCellSize = config.MIN_CELL_SIZE;
  const disclosure = { minCellSize, suppress: minCellSize > 1 && !seesUnsuppressedCounts(viewer, config) };
  return { db, config, services: createServices(db, { ...scope, regions: RegionScope.of(viewer), disclosure }), viewer, disclosure };
}
