import { parseArgs } from "node:util";
import { openRuntime, exitWithReason } from "../runtime.ts";
import { readBoundaries } from "../regions/boundary-parsers.ts";
import { importBoundaries } from "../regions/boundary-import.service.ts";
import { importCsv } from "../imports/csv-import.service.ts";
import { workforceImporter } from "../imports/workforce.importer.ts";
import { enrollmentImporter } from "../imports/enrollment.importer.ts";
import type { RegionLevelName } from "../regions/official-codes.ts";

const USAGE = "Usage: npm run import -- boundaries <file-or-url> [--level village|district|regency] | workforce <file.csv> | enrollments <file.csv>";

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { level: { type: "string" } } });
  const [kind, location] = positionals;
  if (!kind || !location || !["boundaries", "workforce", "enrollments"].includes(kind)) throw new Error(USAGE);
  if (values.level && !["village", "district", "regency"].includes(values.level)) throw new Error(`--level must be village, district or regency. ${USAGE}`);
  const { db, nikKey } = await openRuntime();
  try {
    if (kind === "boundaries") {
      const report = await importBoundaries(db.sql, await readBoundaries(location), { source: location, level: values.level?.toUpperCase() as RegionLevelName | undefined });
      console.log(`Imported ${report.imported} ${report.level.toLowerCase()} boundaries of ${report.regencyCode}.`);
      for (const r of report.repaired) console.log(`  repaired ${r.code}: ${r.reason}`);
      if (report.unlisted.length) console.log(`  not in the official list (renamed or split?): ${report.unlisted.join(", ")}`);
    } else {
      const input = { path: location };
      const result = kind === "workforce" ? await importCsv(db.sql, workforceImporter, input) : await importCsv(db.sql, enrollmentImporter(nikKey), input);
      console.log(result.alreadyImported ? `${location} was imported before: nothing changed.` : `Imported ${result.rows} ${kind} rows; coverage summary refreshed.`);
    }
  } finally {
    await db.close();
  }
}

main().catch(exitWithReason);
