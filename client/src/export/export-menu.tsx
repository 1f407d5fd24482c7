import { useState } from "react";
import { useApolloClient } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import type { Map as MapLibreMap } from "maplibre-gl";
import { villageTileUrl, type DatasetInfo } from "../app-queries.ts";
import type { Classification } from "../map/classify.ts";
import { reportScope } from "../report/report-scope.ts";
import { placeTitle } from "../report/region-title.ts";
import { ancestorAt, isInRegion } from "../../../domain/region-code.ts";
import type { CoverageNode, RegionCollection } from "../types.ts";
import type { ViewState } from "../url-state.ts";
import { coverageCsvUrl, type CsvFormat } from "./csv-link.ts";
import type { ExportContext } from "./exports.ts";
import type { PlanOverlay } from "../planner/plan-overlay-data.ts";

/** The exports (map sheets, PDF) load on first use: they are not on the first screen. */
const exports = () => import("./exports.ts");

interface Props {
  state: ViewState;
  update(patch: Partial<ViewState>): void;
  period: string;
  dataset: DatasetInfo;
  villages: RegionCollection;
  districts: RegionCollection;
  nodes: ReadonlyMap<string, CoverageNode>;
  classification: Classification;
  /** The main map, for the PNG of what it shows; null in the table view. */
  map: MapLibreMap | null;
  /** The planner's plan drawn on the map (planner view), also drawn in the PNG. */
  plan: PlanOverlay | null;
}

/** The region viewed (it narrows the whole screen, the presentation and the reports), presentation mode, and the exports. */
export function ExportMenu({ state, update, period, dataset, villages, districts, nodes, classification, map, plan }: Props) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [busy, setBusy] = useState<"png" | "pdf" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [csvFormat, setCsvFormat] = useState<CsvFormat>("standard");
  const [copied, setCopied] = useState<string | null>(null);
  // The URL holds the whole view: copying it shares exactly what is on screen.
  const copyLink = () => {
    const url = window.location.href;
    navigator.clipboard
      .writeText(url)
      .then(() => setCopied(t("linkCopied")))
      .catch(() => setCopied(url));
  };
  // The root region (the smallest holding all the data; "" for the nation or nothing loaded).
  const root = dataset.root?.code ?? "";
  const region = state.region ?? root;
  const scope = reportScope(region).scope;
  const regency = ancestorAt(region, "REGENCY");
  const context = (): ExportContext => ({
    state,
    period,
    dataset,
    t,
    visibleBounds: map ? (map.getBounds().toArray() as [[number, number], [number, number]]) : null,
    map: { villages, districts, nodes, metric: state.metric, classification, plan },
    villageTiles: villageTileUrl(dataset),
  });
  const run = (kind: "png" | "pdf", job: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    job()
      .catch((e: unknown) => setError(String(e instanceof Error ? e.message : e)))
      .finally(() => setBusy(null));
  };
  const present = () => {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    update({ present: true, slide: 1 });
  };
  // The root, the provinces and regencies loaded (when several), the districts of the regency viewed.
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  const regions = [
    { code: root, label: dataset.root ? placeTitle(dataset.root.level, dataset.root.name, t) : t("nation") },
    ...(dataset.provinces.length > 1 ? [...dataset.provinces].sort(byName) : [])
      .filter((p) => p.code !== root)
      .map((p) => ({ code: p.code, label: placeTitle("PROVINCE", p.name, t) })),
    ...(dataset.regencies.length > 1 ? [...dataset.regencies].sort(byName) : [])
      .filter((r) => r.code !== root)
      .map((r) => ({ code: r.code, label: placeTitle("REGENCY", r.name, t) })),
    ...districts.features
      .map((f) => f.properties)
      .filter((d) => regency != null && isInRegion(d.code, regency))
      .sort(byName)
      .map((d) => ({ code: d.code, label: placeTitle("DISTRICT", d.name, t) })),
  ];
  const csv = (level: "DISTRICT" | "VILLAGE") =>
    coverageCsvUrl({ level, parentCode: scope, sector: state.sector, period, target: state.target, format: csvFormat });
  return (
    <div className="export-menu" role="toolbar" aria-label={t("export.title")}>
      <label className="field">
        {t("export.region")}
        <select
          name="region"
          value={region}
          onChange={(e) => update({ region: e.target.value === root ? null : e.target.value, village: null })}
        >
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
          {state.region && !regions.some((r) => r.code === state.region) && <option value={state.region}>{state.region}</option>}
        </select>
      </label>
      <button type="button" className="primary" onClick={present}>
        {t("present.start")}
      </button>
      <button
        type="button"
        name="export-pdf"
        disabled={busy != null}
        onClick={() => run("pdf", async () => (await exports()).exportPdfReport(context(), client, region))}
      >
        {t("export.pdf")}
      </button>
      <button
        type="button"
        name="export-png"
        disabled={busy != null || state.view === "table"}
        onClick={() => run("png", async () => (await exports()).exportMapPng(context()))}
      >
        {t("export.png")}
      </button>
      <label className="field">
        {t("export.csvFormat")}
        <select name="csvFormat" value={csvFormat} onChange={(e) => setCsvFormat(e.target.value as CsvFormat)}>
          <option value="standard">{t("export.csvFormat.standard")}</option>
          <option value="excel-id">{t("export.csvFormat.excel-id")}</option>
        </select>
      </label>
      {reportScope(region).childLevel !== "VILLAGE" && (
        <a href={csv("DISTRICT")} download>
          {t("export.csvDistricts")}
        </a>
      )}
      <a href={csv("VILLAGE")} download>
        {t("export.csvVillages")}
      </a>
      <button type="button" name="copy-link" onClick={copyLink}>
        {t("copyLink")}
      </button>
      {copied && (
        <span className="muted" role="status" data-copied>
          {copied}
        </span>
      )}
      {busy && (
        <span className="muted" role="status">
          {t("export.working")}
        </span>
      )}
      {error && (
        <span className="error" role="alert">
          {t("export.failed", { message: error })}
        </span>
      )}
    </div>
  );
}
