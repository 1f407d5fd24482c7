import { Arg, Ctx, Mutation, Resolver, Authorized } from "type-graphql";
import { Capability } from "../people/roles.ts";
import type { Context } from "../graphql/context.ts";
import { ImportKind, RegionLevel } from "../../domain/vocabulary.ts";
import { ImportFileInput, ImportResult } from "./import.types.ts";
import { decodeUploads } from "./import-upload.service.ts";

@Resolver()
export class ImportResolver {
  @Authorized(Capability.IMPORT)
  @Mutation(() => ImportResult, {
    description:
      "Runs an import from uploaded files, exactly as `npm run import` does (admin). All or nothing: on any problem nothing changes and the error (BAD_USER_INPUT, argumentName files) lists every problem in its message and in extensions.problems.",
  })
  async importFile(
    @Arg("kind", () => ImportKind, { description: "What the files hold." }) kind: ImportKind,
    @Arg("files", () => [ImportFileInput], {
      description: "One CSV, GeoJSON or SQL file; or a shapefile as one .zip, or as .shp and .dbf (and .prj).",
    })
    files: ImportFileInput[],
    @Arg("level", () => RegionLevel, {
      nullable: true,
      description: "Boundaries only: the level of the features (default: from their codes).",
    })
    level: RegionLevel | null,
    @Ctx() ctx: Context,
  ): Promise<ImportResult> {
    return ctx.services.imports.upload({ kind, files: decodeUploads(files), level, nikKey: ctx.config.nikKey });
  }
}
