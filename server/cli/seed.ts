import { parseArgs } from "node:util";
import { openRuntime, exitWithReason } from "../runtime.ts";
import { seedDemo } from "../demo/seed-demo.service.ts";

async function main() {
  const { values } = parseArgs({
    options: { demo: { type: "boolean" }, seed: { type: "string" }, regency: { type: "string" }, boundaries: { type: "string" } },
  });
  if (!values.demo) throw new Error("Usage: npm run seed -- --demo [--seed N] [--regency 35.26] [--boundaries file-or-url]");
  const { config, logger, db, nikKey } = await openRuntime();
  try {
    await seedDemo(db, {
      regency: values.regency ?? config.DEMO_REGENCY,
      seed: values.seed ? Number(values.seed) : config.DEMO_SEED,
      boundaries: values.boundaries ?? config.BOUNDARIES,
      urlTemplate: config.BOUNDARIES_URL_TEMPLATE,
      nikKey,
      logger,
    });
  } finally {
    await db.close();
  }
}

main().catch(exitWithReason);
