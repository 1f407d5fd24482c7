import { Field, InputType, Int, ObjectType } from "type-graphql";
import { ImportKind, RegionLevel } from "../../domain/vocabulary.ts";
import { DataQualityReport } from "../quality/data-quality.types.ts";

@InputType({ description: "One uploaded file: its name and its content, as text or base64 (exactly one)." })
export class ImportFileInput {
  @Field(() => String, { description: "File name; its extension tells a .zip, .shp or .dbf from text." }) name!: string;
  @Field(() => String, { nullable: true, description: "The content as UTF-8 text (CSV, GeoJSON, SQL)." }) text?: string | null;
  @Field(() => String, { nullable: true, description: "The content in base64 (any file; needed for .zip, .shp and .dbf)." }) base64?:
    string | null;
}

@ObjectType({ description: "A boundary whose invalid geometry was repaired with ST_MakeValid." })
export class RepairedBoundary {
  @Field(() => String, { description: "Region code." }) code!: string;
  @Field(() => String, { description: "Why PostGIS found it invalid." }) reason!: string;
}

@ObjectType({ description: "What an import did." })
export class ImportResult {
  @Field(() => ImportKind, { description: "What was imported." }) kind!: ImportKind;
  @Field(() => String, { description: "The file(s), as messages name them." }) source!: string;
  @Field(() => Int, { description: "Rows (CSV) or features (boundaries) imported; 0 when alreadyImported." }) rows!: number;
  @Field(() => Boolean, { description: "This exact CSV file had been imported before: nothing changed." }) alreadyImported!: boolean;
  @Field(() => RegionLevel, { nullable: true, description: "Boundaries: the level imported." }) level!: RegionLevel | null;
  @Field(() => [RepairedBoundary], { description: "Boundaries repaired with ST_MakeValid." }) repaired!: RepairedBoundary[];
  @Field(() => [String], { description: "Boundary codes imported that are not in the official list (renamed or split villages)." })
  unlisted!: string[];
  @Field(() => DataQualityReport, {
    nullable: true,
    description:
      "Data-quality report after the import, for the smallest region holding what the file touched (boundaries) or all the data (CSV); null when that spans provinces.",
  })
  dataQuality!: DataQualityReport | null;
  @Field(() => [DataQualityReport], { description: "Boundaries: one data-quality report per regency the file held, in code order." })
  dataQualityByRegency!: DataQualityReport[];
}
