import "reflect-metadata";
import { buildSchema } from "type-graphql";
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

/** The GraphQL schema, built once from the resolvers (code first). */
export function getSchema(): Promise<GraphQLSchema> {
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
