import { Ctx, Field, Float, Int, ObjectType, Query, Resolver, Authorized } from "type-graphql";
import { Capability } from "../people/roles.ts";
import type { Context } from "./context.ts";
import { Sector } from "../../domain/vocabulary.ts";
import { RegionRef } from "../coverage/coverage.types.ts";
import { Region } from "../regions/region.types.ts";
import { dataVersion } from "./response-cache.ts";

const SINGLE_REGENCY = "One regency only: null when the data spans several regencies. Use `regencies` and `root`.";

@ObjectType({ description: "What data is loaded." })
class DatasetInfo {
  @Field(() => String, { nullable: true, description: "Regency code of the loaded data.", deprecationReason: SINGLE_REGENCY })
  regencyCode!: string | null;
  @Field(() => String, { nullable: true, description: "Regency name.", deprecationReason: SINGLE_REGENCY }) regencyName!: string | null;
  @Field(() => [RegionRef], { description: "Provinces holding data (boundaries), in code order." }) provinces!: RegionRef[];
  @Field(() => [RegionRef], { description: "Regencies holding data (boundaries), in code order." }) regencies!: RegionRef[];
  @Field(() => Region, {
    nullable: true,
    description:
      "The smallest region holding all the data: the regency when one is loaded, the province of several; null when the data spans provinces (the nation: regions of level PROVINCE, totals with no region code) or nothing is loaded.",
  })
  root!: Region | null;
  @Field(() => [Float], {
    nullable: true,
    description: "Bounding box of all the data [minLon, minLat, maxLon, maxLat]; null when nothing is loaded.",
  })
  bbox!: number[] | null;
  @Field(() => String, {
    description:
      "URL template of the boundaries as vector tiles, with the data version (cache them as long as it holds): {level} is province, regency, district or village; each tile has one layer named as the level, its features only code and name.",
  })
  tileUrl!: string;
  @Field(() => Boolean, { description: "The worker numbers are synthetic (demo)." }) synthetic!: boolean;
  @Field(() => Boolean, { description: "The boundaries are generated, not real (offline demo)." }) boundariesSynthetic!: boolean;
  @Field(() => String, { nullable: true, description: "Where the boundaries came from." }) boundarySource!: string | null;
  @Field(() => String, { nullable: true, description: "Latest month with figures (YYYY-MM)." }) latestPeriod!: string | null;
  @Field(() => String, { nullable: true, description: "Optional basemap style URL (BASEMAP_URL); null: no basemap, works offline." })
  basemapUrl!: string | null;
  @Field(() => Boolean, { description: "Whether the server accepts mutations at all: ADMIN_TOKEN is set. False: saving is switched off." })
  mutationsEnabled!: boolean;
  @Field(() => Int, {
    description:
      "Minimum cell size (MIN_CELL_SIZE): counts of enrolled workers from 1 to one less are suppressed (null, reliability SUPPRESSED); 1: none.",
  })
  minCellSize!: number;
  @Field(() => Boolean, {
    description: "Whether this request's answers are suppressed (false with the admin token, or when minCellSize is 1).",
  })
  countsSuppressed!: boolean;
}

@ObjectType({ description: "A sector with its names." })
class SectorInfo {
  @Field(() => Sector, { description: "Code." }) code!: Sector;
  @Field(() => String, { description: "Name in Bahasa Indonesia." }) nameId!: string;
  @Field(() => String, { description: "Name in English." }) nameEn!: string;
}

@Resolver()
export class DatasetResolver {
  @Authorized(Capability.READ)
  @Query(() => DatasetInfo, { description: "What data is loaded, and whether it is synthetic." })
  async datasetInfo(@Ctx() ctx: Context): Promise<DatasetInfo> {
    const info = await ctx.services.dataset.info();
    const loaded = await ctx.services.dataset.loaded();
    const root = loaded.rootCode ? await ctx.services.regions.byCode.load(loaded.rootCode) : null;
    const regency = loaded.regencies.length === 1 ? loaded.regencies[0] : null;
    const boxes = (await ctx.services.regions.byCode.loadMany(loaded.provinces.map((p) => p.code)))
      .map((r) => (r && !(r instanceof Error) ? r.bbox : null))
      .filter((b) => b !== null);
    const periods = await ctx.services.coverage.periods();
    return {
      tileUrl: `/tiles/{level}/{z}/{x}/{y}.pbf?v=${await dataVersion(ctx)}`,
      regencyCode: regency?.code ?? null,
      regencyName: regency?.name ?? null,
      provinces: loaded.provinces.map(({ code, name }) => ({ code, name })),
      regencies: loaded.regencies.map(({ code, name }) => ({ code, name })),
      root,
      bbox:
        boxes.length === 0
          ? null
          : [
              Math.min(...boxes.map((b) => b[0])),
              Math.min(...boxes.map((b) => b[1])),
              Math.max(...boxes.map((b) => b[2])),
              Math.max(...boxes.map((b) => b[3])),
            ],
      synthetic: info.workers_synthetic === "true",
      boundariesSynthetic: info.boundaries_synthetic === "true",
      boundarySource: info.boundary_source ?? null,
      latestPeriod: periods[periods.length - 1] ?? null,
      basemapUrl: ctx.config.BASEMAP_URL ?? null,
      mutationsEnabled: Boolean(ctx.config.ADMIN_TOKEN),
      minCellSize: ctx.disclosure.minCellSize,
      countsSuppressed: ctx.disclosure.suppress,
    };
  }

  @Authorized(Capability.READ)
  @Query(() => [SectorInfo], { description: "Sectors." })
  async sectors(@Ctx() ctx: Context): Promise<SectorInfo[]> {
    return ctx.services.dataset.sectors();
  }
}
