import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ancestorAt } from "../../domain/region-code.ts";
import type { Logger } from "pino";
import type { Database } from "../db/database.ts";
import { hashNik } from "../common/nik.ts";
import { claimNikKey } from "../common/nik-key.ts";
import { lockImports } from "../imports/import-lock.ts";
import { readBoundaries, type BoundaryFeature } from "../regions/boundary-parsers.ts";
import { importBoundaries } from "../regions/boundary-import.service.ts";
import { officialRegency } from "../regions/official-codes.ts";
import { setDatasetInfo } from "../regions/dataset-info.ts";
import { writeWorkforce } from "../imports/workforce.importer.ts";
import { writeEnrollments } from "../imports/enrollment.importer.ts";
import { refreshCoverageSummary } from "../coverage/refresh.sql.ts";
import { syntheticBoundaries } from "./synthetic-boundaries.ts";
import { generateDemoWorkers, type DemoVillage } from "./demo-data.ts";
import { CALIBRATION } from "./demo-calibration.ts";
import * as q from "./demo.sql.ts";

export interface DemoOptions {
  regency: string;
  seed: number;
  /** Path or URL of village boundaries; unset = the boundaries shipped for the regency, else download from `urlTemplate`, else synthetic. */
  boundaries?: string;
  urlTemplate: string;
  nikKey: string;
  logger: Logger;
}

/** Real village boundaries shipped with Cakupan (see server/demo/boundaries/README.md), by regency code. */
export const shippedBoundaries = (regency: string): string | null => {
  const file = fileURLToPath(new URL(`./boundaries/${regency}.villages.geojson`, import.meta.url));
  return existsSync(file) ? file : null;
};

async function demoBoundaries(o: DemoOptions): Promise<{ features: BoundaryFeature[]; source: string; synthetic: boolean }> {
  if (o.boundaries) return { features: await readBoundaries(o.boundaries), source: o.boundaries, synthetic: false };
  const shipped = shippedBoundaries(o.regency);
  if (shipped)
    return {
      features: await readBoundaries(shipped),
      source: "wilayah_boundaries by cahya dsn (MIT), shipped with Cakupan",
      synthetic: false,
    };
  const url = o.urlTemplate.replace("{province}", ancestorAt(o.regency, "PROVINCE")!).replace("{regency}", o.regency);
  try {
    return { features: await readBoundaries(url), source: url, synthetic: false };
  } catch (error) {
    o.logger.warn(
      `Could not download boundaries (${(error as Error).message.split("\n")[0]}): using SYNTHETIC generated geometry. Set BOUNDARIES to a file to use real boundaries.`,
    );
    const official = await officialRegency(o.regency);
    if (!official) throw new Error(`No regency with code ${o.regency} in the official list.`);
    return { features: syntheticBoundaries(official), source: "synthetic grid (offline demo)", synthetic: true };
  }
}

/** True when nothing has been loaded yet (no village has a boundary). */
export async function isEmpty(db: Database): Promise<boolean> {
  const rows = await db.sql.query(q.ANY_VILLAGE_BOUNDARY);
  return rows.length === 0;
}

/** Loads the deterministic demo: boundaries, synthetic workers calibrated to Bangkalan, fertilizer points, sessions. */
export async function seedDemo(db: Database, o: DemoOptions): Promise<{ villages: number; enrollments: number }> {
  const b = await demoBoundaries(o);
  await importBoundaries(db.sql, b.features, { source: b.source, synthetic: b.synthetic });
  const villages = await db.sql.query<DemoVillage>(q.DEMO_VILLAGES, [o.regency]);
  const seatDistrict = `${o.regency}.01`;
  const { workforce, enrollments } = generateDemoWorkers(villages, o.seed, seatDistrict);
  await db.sql.transaction(async (tx) => {
    await lockImports(tx);
    await tx.exec(q.DEMO_RESET);
    await writeWorkforce(
      tx,
      workforce.map((w) => ({ ...w, period: CALIBRATION.workforcePeriod, source: "Demo estimate (synthetic)", estimated: true })),
    );
    const kiosks = villages.filter((v, i) => !v.urban && (i * 7 + o.seed) % 20 < 9).map((v) => v.code);
    await tx.query(q.DEMO_FERTILIZER_POINTS, [o.regency, kiosks, o.seed]);
    await tx.query(q.DEMO_SCHEDULES, [o.regency]);
    const [socialization] = await tx.query<{ id: number }>(q.DEMO_SOCIALIZATION, [
      CALIBRATION.socialization.title,
      CALIBRATION.socialization.startsOn,
      CALIBRATION.socialization.endsOn,
      CALIBRATION.socialization.attendance,
      seatDistrict,
    ]);
    await tx.query(q.DEMO_SESSIONS_AT_WAREHOUSES);
    const records = enrollments.map((e) => ({
      nikHash: hashNik(o.nikKey, e.nik),
      villageCode: e.villageCode,
      sectorCode: e.sectorCode,
      jkk: true,
      jkm: true,
      startDate: e.startDate,
      endDate: e.endDate,
      status: e.status,
      fundingSource: e.fundingSource,
      sessionId: e.atSocialization ? socialization.id : null,
    }));
    await claimNikKey(tx, o.nikKey);
    for (let i = 0; i < records.length; i += 5000) await writeEnrollments(tx, records.slice(i, i + 5000));
    await tx.query(q.ATTRIBUTE_ENROLLMENTS, [socialization.id]);
    await refreshCoverageSummary(tx);
    await setDatasetInfo(tx, { workers_synthetic: "true", demo_seed: String(o.seed) });
  });
  o.logger.info(
    `Demo loaded: ${villages.length} villages of ${o.regency}, ${enrollments.length} synthetic enrollment records${b.synthetic ? " (SYNTHETIC boundaries)" : ""}.`,
  );
  return { villages: villages.length, enrollments: enrollments.length };
}
