import "reflect-metadata";
import { buildSchema, getMetadataStorage } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import "./enums.ts"; // registers the domain vocabulary as GraphQL enums
import { CoverageResolver } from "../coverage/coverage.resolver.ts";
import { RegionResolver } from "../regions/region.resolver.ts";
import { OutreachResolver } from "../outreach/outreach.resolver.ts";
import { PlannerResolver } from "../planner/planner.resolver.ts";
import { DataQualityResolver } from "../quality/data-quality.resolver.ts";
import { ImportResolver } from "../imports/import.resolver.ts";
import { DatasetResolver } from "./dataset.resolver.ts";
import { RenewalsResolver } from "../renewals/renewals.resolver.ts";
import { ScenariosResolver } from "../scenarios/scenarios.resolver.ts";
import { OutcomesResolver } from "../outcomes/outcomes.resolver.ts";
import { AuditResolver } from "../people/audit.resolver.ts";
import { authChecker } from "../people/auth-checker.ts";
import { validateArgument } from "../common/validation.ts";

let schema: Promise<GraphQLSchema> | null = null;

/**
 * Plain fields (an @Field property with no @FieldResolver) are read straight off the object:
 * type-graphql's `simpleResolvers` on every object type that does not say otherwise, so graphql-jit
 * compiles them to property reads rather than a call through type-graphql's middleware stack for
 * every field of every row. That option also drops field-level @Authorized and @UseMiddleware on
 * those fields, which this schema puts only on resolvers' methods: a type with either on a plain
 * field is refused here unless it sets `simpleResolvers: false`.
 */
function readPlainFieldsDirectly(): void {
  const storage = getMetadataStorage();
  for (const type of storage.objectTypes) type.simpleResolvers ??= true;
  for (const guarded of [...storage.authorizedFields, ...storage.middlewares]) {
    const type = storage.objectTypes.find((t) => t.target === guarded.target);
    if (type?.simpleResolvers)
      throw new Error(
        `${type.name}.${guarded.fieldName} has @Authorized or @UseMiddleware on a plain field: give ${type.name} simpleResolvers: false`,
      );
  }
}

/** The GraphQL schema, built once from the resolvers (code first). */
export function getSchema(): Promise<GraphQLSchema> {
  if (!schema) readPlainFieldsDirectly();
  schema ??= buildSchema({
    resolvers: [
      CoverageResolver,
      RegionResolver,
      OutreachResolver,
      PlannerResolver,
      DataQualityResolver,
      ImportResolver,
      DatasetResolver,
      RenewalsResolver,
      ScenariosResolver,
      OutcomesResolver,
      AuditResolver,
    ],
    authChecker,
    validateFn: validateArgument, // class-validator, loaded once (see validateArgument)
  }).then((built) => {
    built.getQueryType()!.description =
      "Coverage of vulnerable informal workers by BPJS Ketenagakerjaan (JKK/JKM), regions, fertilizer points and outreach sessions.";
    built.getMutationType()!.description =
      "Changes, each allowed to the roles it names (see README, People and roles): a session cookie, Authorization: Bearer <API token> or the bootstrap ADMIN_TOKEN.";
    return built;
  });
  return schema;
}
