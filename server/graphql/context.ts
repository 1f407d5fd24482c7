import type { Database } from "../db/database.ts";
import type { ReadRoute } from "../db/replicas.ts";
import type { Config } from "../config.ts";
import { createServices, type RequestScope, type Services } from "./services.ts";

export interface Context {
  db: Database;
  /** `nikKey`: the key NIKs are hashed with (uploaded enrollment imports). */
  config: Pick<Config, "ADMIN_TOKEN" | "BASEMAP_URL"> & { nikKey?: string };
  /** Request-scoped services (their DataLoaders batch within one request). */
  services: Services;
  /** Bearer token sent with the request, if any. */
  token: string | null;
  /** The client's address (HTTP requests), for the log. */
  ip?: string;
  /** HTTP requests: set read-only once the operation is known to be a query (its reads may go to a replica). */
  route?: ReadRoute;
}

export function createContext(db: Database, config: Context["config"], authorization?: string, scope: RequestScope = {}): Context {
  const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1] ?? null;
  return { db, config, services: createServices(db, scope), token };
}
