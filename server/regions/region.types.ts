import type { RegionLevel } from "../../domain/vocabulary.ts";
import { Field, Float, ObjectType } from "type-graphql";

@ObjectType({ description: "A point in WGS84 longitude/latitude." })
export class LonLat {
  @Field(() => Float, { description: "Longitude (degrees east)." }) lon!: number;
  @Field(() => Float, { description: "Latitude (degrees north)." }) lat!: number;
}

@ObjectType({ description: "An administrative region: province, regency, district (kecamatan) or village (desa/kelurahan)." })
export class Region {
  @Field(() => String, { description: "Kemendagri code, e.g. 35.26.01.1001." }) code!: string;
  @Field(() => String, { description: "Official name." }) name!: string;
  @Field(() => String, { description: "Level: PROVINCE, REGENCY, DISTRICT or VILLAGE." }) level!: RegionLevel;
  @Field(() => String, { nullable: true, description: "Parent region's code." }) parentCode!: string | null;
  @Field(() => Float, { nullable: true, description: "Area in square kilometres, from the boundary." }) areaKm2!: number | null;
  @Field(() => [Float], { nullable: true, description: "Bounding box [minLon, minLat, maxLon, maxLat]; null without a boundary." }) bbox!:
    number[] | null;
  @Field(() => LonLat, { nullable: true, description: "A point inside the region (PostGIS ST_PointOnSurface)." }) centroid!: LonLat | null;
  @Field(() => Boolean, { description: "The boundary is generated (offline demo), not real." }) synthetic!: boolean;
}

@ObjectType({ description: "A region and its distance from a point." })
export class RegionDistance {
  @Field(() => Region, { description: "The region." }) region!: Region;
  @Field(() => Float, { description: "Distance in metres from the point to the region's boundary (0 inside)." }) distanceMeters!: number;
}

@ObjectType({ description: "The regions whose boundary covers a point." })
export class PointLocation {
  @Field(() => Region, { nullable: true, description: "The village containing the point." }) village!: Region | null;
  @Field(() => Region, { nullable: true, description: "The district containing the point." }) district!: Region | null;
  @Field(() => Region, { nullable: true, description: "The regency containing the point." }) regency!: Region | null;
}
