// `npm run bench:nation [-- --scale 0.1] [--region 35] [--keep]`: a synthetic nation on the PostgreSQL server
// (DATABASE_URL, default the local server; a new database, dropped afterwards): every regency,
// district and village of the official list (idn-area-data) as grid geometry imported from one
// GeoJSON file, workforce for every village and about 10 million enrollments times --scale (a
// CSV of a tenth of them imported as `npm run import -- enrollments` does, the rest generated in
// SQL). Then the app on a free port, measured over HTTP: uncached coverage and map values for a
// province, tiles at zooms 5, 8 and 11, and the bytes of a province's first load. A benchmark,
// not a test: figures, no assertions. `--keep` leaves the database on the server for profiling
// (its URL is printed; drop it by hand afterwards).
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { quantile } from "simple-statistics";
import { ImportKind } from "../domain/vocabulary.ts";
import { openScratchDatabase } from "../server/db/scratch.ts";
import { runImport } from "../server/imports/run-import.service.ts";
import { refreshCoverageSummary } from "../server/coverage/refresh.sql.ts";
import { officialRegenciesIn, syntheticRegionBoundaries } from "../server/demo/synthetic-region.ts";
import { SYNTHETIC_ENROLLMENTS, SYNTHETIC_WORKFORCE, ENROLLMENT_COUNT } from "../server/demo/synthetic-region.sql.ts";
import { writeSyntheticEnrollmentCsv } from "../server/demo/synthetic-enrollment-csv.ts";
import { loadConfig } from "../server/config.ts";
import { createApp } from "../server/app.ts";
import { Kind, print } from "graphql";
import { loadDocuments } from "@graphql-tools/load";
import { CodeFileLoader } from "@graphql-tools/code-file-loader";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    region: { type: "string", default: "35" },
    runs: { type: "string", default: "20" },
    keep: { type: "boolean", default: false },
  },
});
const scale = Number(values.scale);
const province = values.region!;
const runs = Number(values.runs);
/** SYNTHETIC_ENROLLMENTS at factor 1 gives about 205 enrollments a village: 17 million for the nation. */
const ENROLLMENT_FACTOR = 10_000_000 / 17_200_000;
const work = mkdtempSync(join(tmpdir(), "cakupan-bench-nation-"));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en")} kB`;
const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
};
const figures: [string, string][] = [];
const report = (what: string, value: string) => {
  figures.push([what, value]);
  console.log(`${what}: ${value}`);
};
const percentiles = (ms: number[]) => `p50 ${quantile(ms, 0.5).toFixed(0)} ms, p95 ${quantile(ms, 0.95).toFixed(0)} ms (${ms.length} runs)`;

const db = await openScratchDatabase(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
try {
  const regencies = await officialRegenciesIn(null);
  const features = syntheticRegionBoundaries(regencies);
  const file = join(work, "nation.geojson");
  writeFileSync(
    file,
    JSON.stringify({
      type: "FeatureCollection",
      features: features.map((f) => ({ type: "Feature", properties: { code: f.code, name: f.name }, geometry: f.geometry })),
    }),
  );
  console.log(`${regencies.length} regencies, ${features.length.toLocaleString("en")} villages, ${kb(statSync(file).size)} of GeoJSON`);
  const [, boundaryMs] = await timed(() => runImport(db.sql, { kind: ImportKind.BOUNDARIES, source: { location: file }, nikKey: "" }));
  report("boundary import, whole nation, one file", seconds(boundaryMs));

  await db.sql.query(SYNTHETIC_WORKFORCE, [null, 1, "2025-01"]);
  const csvRows = Math.round(1_000_000 * scale);
  const csv = join(work, "enrollments.csv");
  writeSyntheticEnrollmentCsv(
    csv,
    csvRows,
    features.map((f) => f.code),
  );
  const [, csvMs] = await timed(() =>
    runImport(db.sql, { kind: ImportKind.ENROLLMENTS, source: { location: csv }, nikKey: "bench-key-".padEnd(40, "x") }),
  );
  report(
    `enrollment CSV import, ${csvRows.toLocaleString("en")} rows in every regency (whole coverage summary rebuilt)`,
    `${Math.round(csvRows / (csvMs / 1000)).toLocaleString("en")} rows/s (${seconds(csvMs)})`,
  );
  const [, bulkMs] = await timed(() =>
    db.sql.transaction(async (tx) => {
      await tx.query(SYNTHETIC_ENROLLMENTS, [null, 1, ENROLLMENT_FACTOR * scale * 0.9]);
      await refreshCoverageSummary(tx);
    }),
  );
  const [{ n }] = await db.sql.query<{ n: number }>(ENROLLMENT_COUNT);
  report("enrollments in the database", `${n.toLocaleString("en")} (the rest generated in SQL and summarised in ${seconds(bulkMs)})`);

  // A regency office's upload into the national database: only its regency's summary is refreshed.
  const regency = regencies.find((r) => r.regency.code.startsWith(`${province}.`))!.regency.code;
  const regencyRows = Math.round(100_000 * scale);
  const regencyCsv = join(work, "regency-enrollments.csv");
  writeSyntheticEnrollmentCsv(
    regencyCsv,
    regencyRows,
    features.filter((f) => f.code.startsWith(`${regency}.`)).map((f) => f.code),
    csvRows,
  );
  const [, regencyMs] = await timed(() =>
    runImport(db.sql, { kind: ImportKind.ENROLLMENTS, source: { location: regencyCsv }, nikKey: "bench-key-".padEnd(40, "x") }),
  );
  report(
    `enrollment CSV import into one regency (${regency}), ${regencyRows.toLocaleString("en")} rows, on the national database`,
    `${Math.round(regencyRows / (regencyMs / 1000)).toLocaleString("en")} rows/s (${seconds(regencyMs)})`,
  );

  const { app, apollo } = await createApp(db, loadConfig({}), pino({ level: "silent" }));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((ok) => server.once("listening", ok));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    const graphql = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-encoding": "gzip" },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      if (!res.ok || text.includes('"errors"')) throw new Error(`GraphQL failed: ${text.slice(0, 300)}`);
      return text;
    };
    // Each run a different target: a different cache key, so every answer is computed afresh.
    const uncached = async (query: string, variables: Record<string, unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) ms.push((await timed(() => graphql(query, { ...variables, target: 0.5 + i / 1000 })))[1]);
      return percentiles(ms);
    };
    const NODE = "code name workforce enrolled coverageRate uncovered gapToTarget rank reliability";
    report(
      `coverage(level: VILLAGE, parentCode: "${province}", first: 500), uncached`,
      await uncached(
        `query($p: String, $target: Float) { coverage(level: VILLAGE, parentCode: $p, first: 500, target: $target) { totalCount edges { node { ${NODE} } } } }`,
        { p: province },
      ),
    );
    report(
      "coverage(level: REGENCY, first: 500), uncached",
      await uncached(
        `query($target: Float) { coverage(level: REGENCY, first: 500, target: $target) { totalCount edges { node { ${NODE} } } } }`,
        {},
      ),
    );
    const mapQuery = `query($p: String, $target: Float) { mapValues(level: VILLAGE, within: $p, target: $target) { code coverageRate uncovered reliability } }`;
    report(`mapValues(level: VILLAGE, within: "${province}"), uncached`, await uncached(mapQuery, { p: province }));

    const [{ bbox }] = await db.sql.query<{ bbox: number[] }>(
      `SELECT ARRAY[ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)] AS bbox FROM region WHERE code = $1`,
      [province],
    );
    const tileXY = (lon: number, lat: number, z: number) => {
      const r = (lat * Math.PI) / 180;
      return [Math.floor(((lon + 180) / 360) * 2 ** z), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)];
    };
    const tilesOver = (z: number) => {
      const [x0, y0] = tileXY(bbox[0], bbox[3], z);
      const [x1, y1] = tileXY(bbox[2], bbox[1], z);
      const out: [number, number][] = [];
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push([x, y]);
      return out;
    };
    for (const [z, level] of [
      [5, "regency"],
      [8, "district"],
      [11, "village"],
    ] as const) {
      const all = tilesOver(z);
      const pick = Array.from(
        { length: Math.min(runs, all.length) },
        (_, i) => all[Math.floor((i * all.length) / Math.min(runs, all.length))],
      );
      const ms: number[] = [];
      let bytes = 0;
      for (const [x, y] of pick) {
        const [body, t] = await timed(
          async () => new Uint8Array(await (await fetch(`${url}/tiles/${level}/${z}/${x}/${y}.pbf`)).arrayBuffer()),
        );
        ms.push(t);
        bytes += body.length;
      }
      report(`tiles, ${level} at zoom ${z} over the province`, `${percentiles(ms)}, ${kb(bytes / pick.length)} a tile`);
    }

    // First load of a province at 1280x800: datasetInfo, its villages' map values, its village tiles at the zoom that fits it.
    const z = Math.floor(
      Math.min(Math.log2((1280 / 256) * (360 / (bbox[2] - bbox[0]))), Math.log2((800 / 256) * (170 / (bbox[3] - bbox[1])))),
    );
    const tiles = tilesOver(z);
    const parts = [
      await graphql(
        `
          {
            datasetInfo {
              provinces {
                code
                name
              }
              regencies {
                code
                name
              }
              root {
                code
                name
                level
                bbox
              }
              tileUrl
              latestPeriod
            }
          }
        `,
        {},
      ),
      await graphql(mapQuery, { p: province, target: 0.5 }),
    ].map((t) => new TextEncoder().encode(t));
    for (const [x, y] of tiles) {
      for (const level of ["village", "district", "regency"])
        parts.push(new Uint8Array(await (await fetch(`${url}/tiles/${level}/${z}/${x}/${y}.pbf`)).arrayBuffer()));
    }
    const raw = parts.reduce((s, p) => s + p.length, 0);
    const gz = parts.reduce((s, p) => s + gzipSync(p).length, 0);
    report(
      `first load of province ${province} (data only: datasetInfo, map values, ${tiles.length} tiles × 3 levels at zoom ${z})`,
      `${kb(raw)} as sent, ${kb(gz)} gzipped`,
    );
    // The client also asks for boundaries as GeoJSON: every district and regency, and the villages of
    // the regency viewed only, none above a regency (villageGeometryScope in client/src/app-queries.ts;
    // what the page really asks is checked by test/browser/nation.test.ts). The same document,
    // measured apart: at the province, at one of its regencies, and, for comparison, with every
    // village (what the client asked before).
    const sources = await loadDocuments(new URL("../client/src/app-queries.ts", import.meta.url).pathname, {
      loaders: [new CodeFileLoader()],
    });
    const geometries = sources
      .flatMap((source) => source.document?.definitions ?? [])
      .find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === "Geometries")!;
    const asks: [string, Record<string, unknown>][] = [
      [`at province ${province}: districts and regencies, no villages`, { withVillages: false }],
      [`at regency ${regency}: its villages at MEDIUM detail too`, { villagesWithin: regency }],
      ["every village of the nation at MEDIUM detail (asked before at start)", {}],
    ];
    for (const [what, variables] of asks) {
      const answer = await graphql(print(geometries), variables).catch((error: Error) => error);
      const geometry = typeof answer === "string" ? new TextEncoder().encode(answer) : null;
      report(
        `the client's boundary GeoJSON (Geometries in client/src/app-queries.ts) ${what}`,
        geometry ? `${kb(geometry.length)} as sent, ${kb(gzipSync(geometry).length)} gzipped` : `refused: ${(answer as Error).message}`,
      );
    }
  } finally {
    await new Promise((ok) => server.close(ok));
    await apollo.stop();
  }
  console.log("\n| measure | result |\n|---|---|");
  for (const [what, value] of figures) console.log(`| ${what} | ${value} |`);
} finally {
  await db.close({ keep: values.keep });
  if (values.keep) console.log(`kept: ${db.url}`);
  rmSync(work, { recursive: true, force: true });
}
