import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Float, Int, Query, Resolver, Root, Authorized } from "type-graphql";
import { Capability } from "../people/roles.ts";
import { GraphQLJSON } from "graphql-scalars";
import { LATITUDE, LONGITUDE, PAGE_BOUNDS, WITHIN_METERS } from "../../domain/bounds.ts";
import { InRange } from "../common/validation.ts";
import type { Context } from "../graphql/context.ts";
import { GeometryDetail, RegionLevel } from "../../domain/vocabulary.ts";
import { badInput } from "../common/errors.ts";
import { PointLocation, Region, RegionDistance } from "./region.types.ts";

@ArgsType()
class PointArgs {
  @Field(() => Float, { description: "Longitude (degrees east, WGS84)." }) @InRange(LONGITUDE, "lon") lon!: number;
  @Field(() => Float, { description: "Latitude (degrees north, WGS84)." }) @InRange(LATITUDE, "lat") lat!: number;
}

@ArgsType()
class WithinArgs extends PointArgs {
  @Field(() => RegionLevel, { description: "Level of the regions to return." }) level!: RegionLevel;
  @Field(() => Float, { description: "Distance in metres, up to 100 km." })
  @InRange(WITHIN_METERS, "meters")
  meters!: number;
}

@ArgsType()
class SearchArgs {
  // In the order the schema has always listed them.
  @Field(() => Int, { defaultValue: 10, description: "At most this many (1 to 100)." })
  @InRange(PAGE_BOUNDS.searchRegions, "first")
  first!: number;
  @Field(() => RegionLevel, { nullable: true, description: "Only this level." }) level!: RegionLevel | null;
  @Field(() => String, { description: "Text to look for." }) query!: string;
}

@Resolver(() => Region)
export class RegionResolver {
  @Authorized(Capability.READ)
  @Query(() => Region, { description: "One region by Kemendagri code; NOT_FOUND when there is none." })
  region(@Arg("code", () => String, { description: "Kemendagri code." }) code: string, @Ctx() ctx: Context): Promise<Region> {
    return ctx.services.regions.require(code, "code");
  }

  @Authorized(Capability.READ)
  @Query(() => [Region], { description: "Regions at a level, optionally inside a parent region." })
  regions(
    @Arg("level", () => RegionLevel, { description: "Level." }) level: RegionLevel,
    @Arg("parentCode", () => String, { nullable: true, description: "Only regions inside this one." }) parentCode: string | null,
    @Ctx() ctx: Context,
  ): Promise<Region[]> {
    return ctx.services.regions.atLevel(level, parentCode);
  }

  @Authorized(Capability.READ)
  @Query(() => [Region], { description: "Regions whose name contains the text (case, accent and punctuation insensitive)." })
  searchRegions(@Args(() => SearchArgs) { query, level, first }: SearchArgs, @Ctx() ctx: Context): Promise<Region[]> {
    return ctx.services.regions.search(query, level ?? null, first);
  }

  @Authorized(Capability.READ)
  @Query(() => GraphQLJSON, { description: "Boundaries as a GeoJSON FeatureCollection (properties: code, name, parentCode, areaKm2)." })
  regionGeometries(
    @Arg("level", () => RegionLevel, { description: "Level." }) level: RegionLevel,
    @Arg("parentCode", () => String, { nullable: true, description: "Only regions inside this one (or this one)." })
    parentCode: string | null,
    @Arg("detail", () => GeometryDetail, { defaultValue: GeometryDetail.LOW, description: "Level of detail." }) detail: GeometryDetail,
    @Ctx() ctx: Context,
  ): Promise<unknown> {
    return ctx.services.regions.geometries(level, parentCode, detail);
  }

  @Authorized(Capability.READ)
  @Query(() => [RegionDistance], { description: "Regions within a distance of a point, nearest first (PostGIS geography)." })
  regionsWithin(@Args(() => WithinArgs) a: WithinArgs, @Ctx() ctx: Context): Promise<RegionDistance[]> {
    return ctx.services.regions.withinDistance(a.level, a.lon, a.lat, a.meters);
  }

  @Authorized(Capability.READ)
  @Query(() => [Region], { description: "Regions intersecting a bounding box or a GeoJSON polygon." })
  regionsIntersecting(
    @Arg("level", () => RegionLevel, { description: "Level." }) level: RegionLevel,
    @Arg("bbox", () => [Float], { nullable: true, description: "[minLon, minLat, maxLon, maxLat]." }) bbox: number[] | null,
    @Arg("polygon", () => GraphQLJSON, { nullable: true, description: "A GeoJSON Polygon or MultiPolygon in lon/lat." }) polygon: unknown,
    @Ctx() ctx: Context,
  ): Promise<Region[]> {
    if (bbox && polygon) throw badInput("bbox", "give bbox or polygon, not both.");
    if (bbox) {
      if (bbox.length !== 4 || bbox[0] >= bbox[2] || bbox[1] >= bbox[3])
        throw badInput("bbox", "bbox must be [minLon, minLat, maxLon, maxLat] with min < max.");
      const [x0, y0, x1, y1] = bbox;
      polygon = {
        type: "Polygon",
        coordinates: [
          [
            [x0, y0],
            [x1, y0],
            [x1, y1],
            [x0, y1],
            [x0, y0],
          ],
        ],
      };
    }
    const type = (polygon as { type?: string } | null)?.type;
    if (type !== "Polygon" && type !== "MultiPolygon")
      throw badInput("polygon", "polygon must be a GeoJSON Polygon or MultiPolygon (or give bbox).");
    return ctx.services.regions.intersecting(level, JSON.stringify(polygon));
  }

  @Authorized(Capability.READ)
  @Query(() => PointLocation, { description: "The village, district and regency that contain a point." })
  locate(@Args(() => PointArgs) a: PointArgs, @Ctx() ctx: Context): Promise<PointLocation> {
    return ctx.services.regions.locate(a.lon, a.lat);
  }

  @FieldResolver(() => Region, { nullable: true, description: "Parent region." })
  parent(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> {
    return region.parentCode ? ctx.services.regions.byCode.load(region.parentCode) : Promise.resolve(null);
  }

  @FieldResolver(() => [Region], { description: "Child regions." })
  children(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    return ctx.services.regions.children.load(region.code);
  }
}
