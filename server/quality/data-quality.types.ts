import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A village named in the data-quality report." })
export class QualityVillage {
  @Field(() => String, { description: "Kemendagri village code." }) code!: string;
  @Field(() => String, { description: "Name (official, or as the boundary file gave it)." }) name!: string;
  @Field(() => String, { description: "Code of its district." }) districtCode!: string;
}

@ObjectType({ description: "Counts of the report's findings within one district." })
export class DistrictQualityCounts {
  @Field(() => String, { description: "District code." }) code!: string;
  @Field(() => String, { description: "District name." }) name!: string;
  @Field(() => Int, { description: "Villages of the district in the official list." }) officialVillages!: number;
  @Field(() => Int, { description: "Official villages with no boundary." }) missingBoundaries!: number;
  @Field(() => Int, { description: "Boundaries whose code is not in the official list." }) unlistedBoundaries!: number;
  @Field(() => Int, { description: "Villages with no workforce data." }) missingWorkforce!: number;
}

@ObjectType({ description: "How complete the loaded data is for a region, against the official Kemendagri list (idn-area-data)." })
export class DataQualityReport {
  @Field(() => String, { description: "The region reported on (regency, district or village code)." }) regionCode!: string;
  @Field(() => Int, { description: "Villages in the official list within the region." }) officialVillages!: number;
  @Field(() => Int, { description: "Villages with a boundary loaded (official or not)." }) villagesWithBoundary!: number;
  @Field(() => Int, { description: "Villages with workforce data for any sector and period." }) villagesWithWorkforce!: number;
  @Field(() => [QualityVillage], { description: "Villages in the official list with no boundary." }) missingBoundaries!: QualityVillage[];
  @Field(() => [QualityVillage], {
    description:
      "Boundaries whose codes are not in the current official list: renamed or split villages, or boundaries loaded before the list changed.",
  })
  unlistedBoundaries!: QualityVillage[];
  @Field(() => [QualityVillage], { description: "Villages (official, or with a boundary) with no workforce data." })
  missingWorkforce!: QualityVillage[];
  @Field(() => [DistrictQualityCounts], { description: "The same findings counted per district." }) byDistrict!: DistrictQualityCounts[];
}
