import { parseArgs } from "node:util";
import { openRuntime, exitWithReason, print } from "../runtime.ts";
import { runImport } from "../imports/run-import.service.ts";
import { formatDataQuality } from "../quality/data-quality.text.ts";
import { ImportKind, RegionLevel } from "../../domain/vocabulary.ts";
import { audit } from "../people/audit.ts";

const USAGE =
  "Usage: npm run import -- boundaries <file-or-url> [--level village|district|regency] | workforce <file.csv> | enrollments <file.csv>";

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { level: { type: "string" } } });
  const [word, location] = positionals;
  const kind = Object.values(ImportKind).find((k) => k.toLowerCase() === word);
  if (!kind || !location) throw new Error(USAGE);
  const level = Object.values(RegionLevel).find((l) => l.toLowerCase() === values.level);
  if (values.level && !level) throw new Error(`--level must be village, district or regency. ${USAGE}`);
  const { db, nikKey } = await openRuntime();
  const record = (outcome: "ok" | "failed", detail: object) =>
    audit(db, { name: "cli", role: "admin" }, { action: "import", target: kind, outcome, detail: { location, ...detail } });
  try {
    const outcome = await runImport(db.sql, {
      kind,
      source: { location },
      nikKey,
      level,
      onProgress: (rows) => print(`  ${rows.toLocaleString("en")} rows read...`, "error"),
    }).catch(async (error: unknown) => {
      await record("failed", { reason: (error as Error).message?.split("\n")[0] });
      throw error;
    });
    await record("ok", { rows: outcome.rows, alreadyImported: outcome.alreadyImported });
    if (outcome.alreadyImported) print(`${location} was imported before: nothing changed.`);
    else if (kind === ImportKind.BOUNDARIES)
      print(
        `Imported ${outcome.rows} ${outcome.level!.toLowerCase()} boundaries${outcome.qualityByRegency.length > 1 ? ` of ${outcome.qualityByRegency.length} regencies` : ""}.`,
      );
    else print(`Imported ${outcome.rows} ${word} rows; coverage summary refreshed.`);
    for (const r of outcome.repaired) print(`  repaired ${r.code}: ${r.reason}`);
    const reports = outcome.qualityByRegency.length > 0 ? outcome.qualityByRegency : outcome.quality ? [outcome.quality] : [];
    for (const report of reports) print(`\n${formatDataQuality(report)}`);
  } finally {
    await db.close();
  }
}

main().catch(exitWithReason);
