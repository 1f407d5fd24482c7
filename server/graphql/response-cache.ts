import type { ApolloServerPlugin } from "@apollo/server";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { Kind, type OperationDefinitionNode } from "graphql";
import type { Context } from "./context.ts";
import { staticCachePolicy } from "./executor.ts";

/**
 * Root query fields whose answers come only from tables that bump data_version (see the
 * data_version migration), so a cached answer is right for as long as the version is unchanged.
 * A field reading anything else (an outside service, a table without the trigger) must not be here.
 */
export const CACHEABLE_FIELDS = new Set([
  "coverage",
  "mapValues",
  "periods",
  "coverageSeries",
  "coverageSummary",
  "region",
  "regions",
  "searchRegions",
  "regionGeometries",
  "regionsWithin",
  "regionsIntersecting",
  "locate",
  "fertilizerPoints",
  "nearestFertilizerPoints",
  "sessions",
  "dataQuality",
  "datasetInfo",
  "sectors",
  "__typename",
]);

/** The request's data version (see cache/data-version.ts). */
export const dataVersion = (ctx: Context): Promise<string> => ctx.services.dataVersion();

function cacheable(operation: OperationDefinitionNode | undefined): boolean {
  if (operation?.operation !== "query") return false;
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && CACHEABLE_FIELDS.has(s.name.value));
}

/**
 * Whole-response caching (Apollo's response-cache plugin; in memory, or `cache`: Redis shared by every
 * process, see cache/shared-cache.ts) keyed by query, variables and
 * the data version and the disclosure (suppressed or not): a repeated query answers without running resolvers or SQL beyond the version
 * read, and any committed write changes the version, so nothing stale is served. No HTTP cache
 * headers are sent (browsers and proxies cannot know the version).
 */
export function responseCache(cache?: KeyValueCache<string>): ApolloServerPlugin<Context>[] {
  return [
    ...(staticCachePolicy(600) as ApolloServerPlugin<Context>[]),
    responseCachePlugin<Context>({
      ...(cache ? { cache } : {}),
      // Keyed also on what the viewer may see: a role's answer is never served to another role, and
      // suppressed and unsuppressed answers (see server/disclosure) never share an entry.
      extraCacheKeyData: async ({ contextValue }) => ({
        dataVersion: await dataVersion(contextValue),
        role: contextValue.viewer.role ?? "none",
        suppress: contextValue.disclosure.suppress,
        minCellSize: contextValue.disclosure.minCellSize,
      }),
      shouldReadFromCache: async ({ operation }) => cacheable(operation),
      shouldWriteToCache: async ({ operation }) => cacheable(operation),
    }),
  ];
}
