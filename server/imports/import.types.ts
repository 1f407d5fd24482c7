import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { RegionLevel } from "../graphql/enums.ts";
import { DataQualityReport } from "../quality/data-quality.types.ts";

export enum ImportKind {
  BOUNDARIES = "BOUNDARIES",
  WORKFORCE = "WORKFORCE",
  ENROLLMENTS = "ENROLLMENTS",
}
registerEnumType(ImportKind, {
  name: "ImportKind",
  description: "What a file holds.",
  valuesConfig: {
    BOUNDARIES: { description: "Region boundaries: GeoJSON, wilayah_boundaries SQL, or an ESRI shapefile (.zip, or .shp with .dbf)." },
    WORKFORCE: { description: "Workforce CSV: village_code (or nama_desa + kecamatan), sector, period, workers, source." },
    ENROLLMENTS: {
      description:
        "BPJS Ketenagakerjaan participant CSV: nik, name, village_code, sector, programs, start_date, end_date, status, funding_source.",
    },
  },
});

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
  @Field(() => DataQualityReport, { nullable: true, description: "The loaded regency's data-quality report after the import." })
  dataQuality!: DataQualityReport | null;
}
