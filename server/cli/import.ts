import { parseArgs } from "node:util";
import { openRuntime, exitWithReason, print } from "../runtime.ts";
import { runImport, type ImportKind } from "../imports/run-import.service.ts";
import { formatDataQuality } from "../quality/data-quality.text.ts";
import type { RegionLevelName } from "../regions/official-codes.ts";

const USAGE =
  "Usage: npm run import -- boundaries <file-or-url> [--level village|district|regency] | workforce <file.csv> | enrollments <file.csv>";

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { level: { type: "string" } } });
  const [kind, location] = positionals;
  if (!kind || !location || !["boundaries", "workforce", "enrollments"].includes(kind)) throw new Error(USAGE);
  if (values.level && !["village", "district", "regency"].includes(values.level))
    throw new Error(`--level must be village, district or regency. ${USAGE}`);
  const { db, nikKey } = await openRuntime();
  try {
    const level = values.level?.toUpperCase() as RegionLevelName | undefined;
    const outcome = await runImport(db.sql, {
      kind: kind as ImportKind,
      source: { location },
      nikKey,
      level,
      onProgress: (rows) => print(`  ${rows.toLocaleString("en")} rows read...`, "error"),
    });
    if (outcome.alreadyImported) print(`${location} was imported before: nothing changed.`);
    else if (kind === "boundaries") print(`Imported ${outcome.rows} ${outcome.level!.toLowerCase()} boundaries.`);
    else print(`Imported ${outcome.rows} ${kind} rows; coverage summary refreshed.`);
    for (const r of outcome.repaired) print(`  repaired ${r.code}: ${r.reason}`);
    if (outcome.quality) print(`\n${formatDataQuality(outcome.quality)}`);
  } finally {
    await db.close();
  }
}

main().catch(exitWithReason);
