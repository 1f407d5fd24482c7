import { Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import type { Context } from "./context.ts";
import { Sector } from "../../domain/vocabulary.ts";

@ObjectType({ description: "What data is loaded." })
class DatasetInfo {
  @Field(() => String, { nullable: true, description: "Regency code of the loaded data." }) regencyCode!: string | null;
  @Field(() => String, { nullable: true, description: "Regency name." }) regencyName!: string | null;
  @Field(() => Boolean, { description: "The worker numbers are synthetic (demo)." }) synthetic!: boolean;
  @Field(() => Boolean, { description: "The boundaries are generated, not real (offline demo)." }) boundariesSynthetic!: boolean;
  @Field(() => String, { nullable: true, description: "Where the boundaries came from." }) boundarySource!: string | null;
  @Field(() => String, { nullable: true, description: "Latest month with figures (YYYY-MM)." }) latestPeriod!: string | null;
  @Field(() => String, { nullable: true, description: "Optional basemap style URL (BASEMAP_URL); null: no basemap, works offline." })
  basemapUrl!: string | null;
  @Field(() => Boolean, { description: "Whether the server accepts mutations at all: ADMIN_TOKEN is set. False: saving is switched off." })
  mutationsEnabled!: boolean;
}

@ObjectType({ description: "A sector with its names." })
class SectorInfo {
  @Field(() => Sector, { description: "Code." }) code!: Sector;
  @Field(() => String, { description: "Name in Bahasa Indonesia." }) nameId!: string;
  @Field(() => String, { description: "Name in English." }) nameEn!: string;
}

@Resolver()
export class DatasetResolver {
  @Query(() => DatasetInfo, { description: "What data is loaded, and whether it is synthetic." })
  async datasetInfo(@Ctx() ctx: Context): Promise<DatasetInfo> {
    const info = await ctx.services.dataset.info();
    const regency = info.regency_code ? await ctx.services.regions.byCode.load(info.regency_code) : null;
    const periods = await ctx.services.coverage.periods();
    return {
      regencyCode: info.regency_code ?? null,
      regencyName: regency?.name ?? null,
      synthetic: info.workers_synthetic === "true",
      boundariesSynthetic: info.boundaries_synthetic === "true",
      boundarySource: info.boundary_source ?? null,
      latestPeriod: periods[periods.length - 1] ?? null,
      basemapUrl: ctx.config.BASEMAP_URL ?? null,
      mutationsEnabled: Boolean(ctx.config.ADMIN_TOKEN),
    };
  }

  @Query(() => [SectorInfo], { description: "Sectors." })
  async sectors(@Ctx() ctx: Context): Promise<SectorInfo[]> {
    return ctx.services.dataset.sectors();
  }
}
