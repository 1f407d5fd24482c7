import type { Database } from "../db/database.ts";
import type { ReadRoute } from "../db/replicas.ts";
import type { Config } from "../config.ts";
import { createServices, type RequestScope, type Services } from "./services.ts";
import { seesUnsuppressedCounts } from "../disclosure/who-sees.ts";
import type { Disclosure } from "../disclosure/disclosure.service.ts";

export interface Context {
  db: Database;
  /** `nikKey`: the key NIKs are hashed with (uploaded enrollment imports). */
  config: Pick<Config, "ADMIN_TOKEN" | "BASEMAP_URL" | "MIN_CELL_SIZE"> & { nikKey?: string };
  /** Request-scoped services (their DataLoaders batch within one request). */
  services: Services;
  /** Bearer token sent with the request, if any. */
  token: string | null;
  /** The minimum cell size, and whether this request's answers are suppressed (see server/disclosure). */
  disclosure: Disclosure;
  /** The client's address (HTTP requests), for the log. */
  ip?: string;
  /** HTTP requests: set read-only once the operation is known to be a query (its reads may go to a replica). */
  route?: ReadRoute;
}

export function createContext(db: Database, config: Context["config"], authorization?: string, scope: RequestScope = {}): Context {
  const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1] ?? null;
  const minCellSize = config.MIN_CELL_SIZE;
  const disclosure = { minCellSize, suppress: minCellSize > 1 && !seesUnsuppressedCounts({ token, config }) };
  return { db, config, services: createServices(db, { ...scope, disclosure }), token, disclosure };
}
