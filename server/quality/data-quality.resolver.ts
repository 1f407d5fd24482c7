import { Arg, Ctx, Query, Resolver, Authorized } from "type-graphql";
import { Capability } from "../people/roles.ts";
import type { Context } from "../graphql/context.ts";
import { DataQualityReport } from "./data-quality.types.ts";

@Resolver()
export class DataQualityResolver {
  @Authorized(Capability.READ)
  @Query(() => DataQualityReport, {
    description:
      "Data-quality report: official villages with no boundary, boundaries not in the official list, villages with no workforce data.",
  })
  dataQuality(
    @Arg("regionCode", () => String, { nullable: true, description: "Regency, district or village code; default the loaded regency." })
    regionCode: string | null,
    @Ctx() ctx: Context,
  ): Promise<DataQualityReport> {
    return ctx.services.quality.report(regionCode);
  }
}
