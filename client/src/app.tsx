import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import type { Map as MapLibreMap } from "maplibre-gl";
import {
  APP_INFO,
  FERTILIZER_POINTS,
  GEOMETRIES,
  NO_VILLAGES,
  villageGeometryScope,
  villageTileUrl,
  type CoverageVars,
  type Geometries,
} from "./app-queries.ts";
import { Controls } from "./controls/controls.tsx";
import { VillageSearch } from "./controls/village-search.tsx";
import { Header } from "./header.tsx";
import { ExportMenu } from "./export/export-menu.tsx";
import { Legend } from "./legend/legend.tsx";
import { changeNodes, classifyChange } from "./map/change.ts";
import { classify, recount } from "./map/classify.ts";
import { CoverageMap } from "./map/coverage-map.tsx";
import { linkMaps } from "./map/link-maps.ts";

import { RankingList } from "./ranking/ranking-list.tsx";

import { classValue, isReliable, lowIsBad } from "./types.ts";
import { formatPeriod } from "./format.ts";
import { placeTitle, sectorTitle } from "./report/region-title.ts";
import { SECTORS, parseState, writeState, type ViewState } from "./url-state.ts";
import { Breadcrumbs } from "./region/breadcrumbs.tsx";
import { NATION, regionPath, viewedRegion } from "./region/region-path.ts";
import { regionNames } from "./region/region-names.ts";
import { isInRegion, levelOfCode, parentOfCode } from "../../domain/region-code.ts";
import { useVillageCoverage } from "./use-coverage.ts";
import { VillagePanel } from "./village-panel/village-panel.tsx";

import type { PlanForm } from "./planner/plan-state.ts";
import { usePlanner } from "./planner/use-planner.ts";
import { canPlan, useMe } from "./people/me.ts";
import { PhoneSettings, PhoneTabs, usePhone, type PhoneTab } from "./phone.tsx";

// Views not on the first screen load when first shown (code splitting).
const Presentation = lazy(() => import("./presentation/presentation.tsx").then((m) => ({ default: m.Presentation })));
const PlannerPanel = lazy(() => import("./planner/planner-panel.tsx").then((m) => ({ default: m.PlannerPanel })));
const CoverageTable = lazy(() => import("./table/coverage-table.tsx").then((m) => ({ default: m.CoverageTable })));

export function App({ initial }: { initial: ViewState }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState(initial);
  const update = useCallback((patch: Partial<ViewState>) => setState((s) => ({ ...s, ...patch })), []);
  const [hovered, setHovered] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ code: string; n: number } | null>(null);
  const [maps, setMaps] = useState<{ left: MapLibreMap | null; right: MapLibreMap | null }>({ left: null, right: null });

  const phone = usePhone();
  const [phoneTab, setPhoneTab] = useState<PhoneTab>("list");
  // A village picked (a tap on the map, the ranking, the search) brings its panel up on a phone.
  useEffect(() => {
    if (state.village) setPhoneTab("village");
  }, [state.village]);

  // A move to another region adds a history entry, so the back button goes back up; the browser's
  // back and forward restore the whole view of that entry.
  const writtenRegion = useRef(state.region);
  useEffect(() => {
    writeState(state, state.region !== writtenRegion.current);
    writtenRegion.current = state.region;
  }, [state]);
  useEffect(() => {
    const onPop = () => {
      const restored = parseState(window.location.search);
      writtenRegion.current = restored.region;
      setState(restored);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  useEffect(() => {
    void i18n.changeLanguage(state.lang);
    document.documentElement.lang = state.lang;
  }, [i18n, state.lang]);

  const info = useQuery(APP_INFO);
  const fert = useQuery(FERTILIZER_POINTS, { skip: !state.fertilizer });
  const dataset = info.data?.datasetInfo;
  const periods = info.data?.periods ?? [];
  const period = state.period ?? dataset?.latestPeriod ?? null;
  // The smallest region holding all the data, and the one viewed (a village: among its district's).
  // null: the nation (the data spans provinces).
  const root = dataset?.root?.code ?? null;
  const region = state.region ?? root;
  const scope = region ? viewedRegion(region) : null;
  // Boundaries once the root is known (which villages' depends on the region viewed); the previous
  // ones are kept while another regency's villages load.
  const geoQuery = useQuery(GEOMETRIES, { variables: villageGeometryScope(scope), skip: !dataset });
  const geoData = geoQuery.data ?? geoQuery.previousData;
  const geometries = useMemo<Geometries | undefined>(() => geoData && { ...geoData, villages: geoData.villages ?? NO_VILLAGES }, [geoData]);

  const leftVars = useMemo<CoverageVars | null>(
    () => (period && dataset ? { sector: state.sector, period, target: state.target, parentCode: scope } : null),
    [period, dataset, scope, state.sector, state.target],
  );
  const rightVars = useMemo<CoverageVars | null>(() => {
    if (!leftVars || !state.split) return null;
    if (state.split === "period") return { ...leftVars, period: state.splitValue ?? periods[0] ?? period };
    const other = SECTORS.find((s) => s === state.splitValue) ?? null;
    return { ...leftVars, sector: other };
  }, [leftVars, state.split, state.splitValue, periods, period]);
  const left = useVillageCoverage(leftVars);
  // The change map: the same villages in the earlier month, and the difference on the map.
  const baseVars = useMemo<CoverageVars | null>(
    () => (leftVars && state.change ? { ...leftVars, period: state.change } : null),
    [leftVars, state.change],
  );
  const base = useVillageCoverage(baseVars);
  const mapNodes = useMemo(
    () => (baseVars && base.nodes.length ? changeNodes(left.nodes, base.byCode, state.metric) : left.nodes),
    [baseVars, base.nodes, base.byCode, left.nodes, state.metric],
  );
  const mapByCode = useMemo(() => new Map(mapNodes.map((n) => [n.code, n])), [mapNodes]);
  const right = useVillageCoverage(rightVars);
  const me = useMe();
  // Plans are asked for only by a role that may plan (the server refuses the others).
  const planner = usePlanner(state.plan, state.view === "planner" && canPlan(me), period, geometries?.villages, scope);
  const updatePlan = useCallback((patch: Partial<PlanForm>) => setState((s) => ({ ...s, plan: { ...s.plan, ...patch } })), []);

  // One classification for both sides of a split view, so the colours compare.
  const classification = useMemo(
    () =>
      baseVars
        ? classifyChange(
            mapNodes.map((n) => classValue(n, state.metric)),
            state.metric,
          )
        : classify(
            [...left.nodes, ...(rightVars ? right.nodes : [])].map((n) => classValue(n, state.metric)),
            {
              method: state.method,
              classes: state.classes,
              palette: state.palette,
              lowIsBad: lowIsBad(state.metric),
              manual: state.manual,
            },
          ),
    [baseVars, mapNodes, left.nodes, right.nodes, rightVars, state.metric, state.method, state.classes, state.palette, state.manual],
  );
  // The legend counts the villages of the left (main) map.
  const legend = useMemo(
    () =>
      recount(
        mapNodes.map((n) => classValue(n, state.metric)),
        classification,
      ),
    [mapNodes, classification, state.metric],
  );

  useEffect(() => (maps.left && maps.right ? linkMaps(maps.left, maps.right) : undefined), [maps.left, maps.right]);

  const select = useCallback(
    (code: string, fly = false) => {
      update({ village: code });
      if (fly) setFocus((f) => ({ code, n: (f?.n ?? 0) + 1 }));
    },
    [update],
  );
  // Down or up the hierarchy: everything follows the region; the picked village is let go.
  const moveTo = useCallback((code: string) => update({ region: code === (root ?? NATION) ? null : code, village: null }), [root, update]);
  // A region found by the search: a village is shown within its district, picked.
  const found = useCallback(
    (code: string) => {
      if (levelOfCode(code) !== "VILLAGE") return moveTo(code);
      moveTo(parentOfCode(code) ?? code);
      select(code, true);
    },
    [moveTo, select],
  );
  const onMove = useCallback((center: [number, number], zoom: number) => update({ center, zoom }), [update]);
  const onLeftMap = useCallback((m: MapLibreMap | null) => setMaps((s) => ({ ...s, left: m })), []);
  const onRightMap = useCallback((m: MapLibreMap | null) => setMaps((s) => ({ ...s, right: m })), []);
  const initialView = useRef(state.center && state.zoom != null ? { center: state.center, zoom: state.zoom } : null);
  const regionVillages = useMemo(
    () =>
      geometries && scope
        ? { ...geometries.villages, features: geometries.villages.features.filter((f) => isInRegion(f.properties.code, scope)) }
        : null,
    [geometries, scope],
  );
  const names = useMemo(() => regionNames(dataset, geometries), [dataset, geometries]);
  const regionName = useCallback((code: string) => names.get(code), [names]);
  const path = [
    ...(root ? [] : [NATION]),
    ...regionPath(root, scope),
    ...(state.village && (!scope || isInRegion(state.village, scope)) ? [state.village] : []),
  ];
  const rootTitle = dataset?.root ? placeTitle(dataset.root.level, dataset.root.name, t) : t("nation");
  // Several regencies: their boundaries and names are drawn too.
  const regencies = dataset && dataset.regencies.length > 1 ? (geometries?.regencies ?? null) : null;

  const error = info.error ?? geoQuery.error ?? left.error;
  const lang = state.lang;
  const sideCaption = (vars: CoverageVars | null) =>
    vars && (state.split === "period" ? formatPeriod(vars.period ?? "", lang) : sectorTitle(vars.sector ?? null, t));
  const selectedNode = state.village ? left.byCode.get(state.village) : undefined;
  const mapProps = {
    villages: geometries?.villages!,
    districts: geometries?.districts!,
    metric: state.metric,
    lang,
    classification,
    fertilizer: fert.data?.fertilizerPoints ?? [],
    showFertilizer: state.fertilizer,
    basemapUrl: dataset?.basemapUrl ?? null,
    hovered,
    selected: state.village,
    focus,
    regencies,
    // One set of village tiles for every sector, period and measure: the values join them by code.
    villageTiles: dataset ? villageTileUrl(dataset) : null,
    region: scope,
    onHover: setHovered,
    onSelect: select,
    onRegion: moveTo,
  };

  const legendView = (
    <Legend
      metric={state.metric}
      classification={legend}
      lang={lang}
      showFertilizer={state.fertilizer}
      unreliableCount={mapNodes.filter((n) => !isReliable(n)).length}
      minCellSize={dataset?.minCellSize ?? null}
      changeSince={baseVars ? state.change : null}
    />
  );

  // On a phone the panels are tabs under the map: the one chosen shows, the others wait.
  const phoneTabs: PhoneTab[] = [state.view === "planner" ? "planner" : "list", ...(state.village ? (["village"] as const) : [])];
  const currentTab = phoneTabs.includes(phoneTab) ? phoneTab : phoneTabs[0]!;
  const panel = (tab: PhoneTab, content: React.ReactNode) =>
    phone ? (
      <div
        key={tab}
        id={`phone-panel-${tab}`}
        role="tabpanel"
        aria-labelledby={`phone-tab-${tab}`}
        className="phone-panel"
        hidden={tab !== currentTab}
      >
        {content}
      </div>
    ) : (
      content
    );

  const exitPresentation = useCallback(() => update({ present: false, slide: 1 }), [update]);
  const toSlide = useCallback((slide: number) => update({ slide }), [update]);
  if (state.present && geometries && dataset) {
    return (
      <Suspense fallback={<p className="loading">{t("loading")}</p>}>
        <Presentation
          regionCode={state.region ?? root ?? ""}
          slide={state.slide}
          lang={lang}
          sector={state.sector}
          target={state.target}
          palette={state.palette}
          villages={geometries.villages}
          districts={geometries.districts}
          villageTiles={villageTileUrl(dataset)}
          onSlide={toSlide}
          onExit={exitPresentation}
        />
      </Suspense>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t("skipToMap")}
      </a>
      <Header state={state} update={update} regionTitle={rootTitle} search={<VillageSearch onPick={found} />} />
      {/* On a phone the root alone is not repeated under the header's title: the map keeps the room. */}
      {dataset && (path.length > 1 || !phone) && <Breadcrumbs path={path} name={regionName} onRegion={moveTo} />}
      {(dataset?.synthetic || dataset?.boundariesSynthetic) && (
        <div className="banner" role="note">
          {[dataset.synthetic && t("syntheticBanner"), dataset.boundariesSynthetic && t("syntheticBoundaries")].filter(Boolean).join(" · ")}
        </div>
      )}
      <PhoneSettings phone={phone}>
        {geometries && dataset && period && (
          <ExportMenu
            state={state}
            update={update}
            period={period}
            dataset={dataset}
            districts={geometries.districts}
            map={maps.left}
            plan={state.view === "planner" ? planner.overlay : null}
            villages={regionVillages ?? geometries.villages}
            nodes={left.byCode}
            classification={legend}
          />
        )}
        {period && <Controls state={state} periods={periods} period={period} update={update} />}
      </PhoneSettings>
      {error && (
        <p className="error" role="alert">
          {t("error", { message: error.message })}
        </p>
      )}
      <main
        id="main"
        tabIndex={-1}
        className={`layout${state.view === "planner" ? " planner" : ""}${state.village ? " with-panel" : ""}${phone ? " phone" : ""}`}
      >
        <div className={`main-area${rightVars ? " split" : ""}`}>
          {state.view === "table" && (
            <Suspense fallback={<p className="loading">{t("loading")}</p>}>
              <CoverageTable
                nodes={left.nodes}
                metric={state.metric}
                lang={lang}
                minCellSize={dataset?.minCellSize ?? null}
                selected={state.village}
                onSelect={(c) => select(c)}
              />
            </Suspense>
          )}
          {(state.view === "map" || state.view === "planner") && geometries && dataset && (
            <>
              <CoverageMap
                {...mapProps}
                nodes={mapByCode}
                primary
                initialView={initialView.current}
                caption={rightVars ? (sideCaption(leftVars) ?? undefined) : undefined}
                onMove={onMove}
                onMap={onLeftMap}
                plan={state.view === "planner" ? planner.overlay : null}
              />
              {rightVars && (
                <CoverageMap
                  {...mapProps}
                  key={`right-${state.split}`}
                  nodes={right.byCode}
                  primary={false}
                  initialView={
                    maps.left
                      ? { center: maps.left.getCenter().toArray() as [number, number], zoom: maps.left.getZoom() }
                      : initialView.current
                  }
                  caption={sideCaption(rightVars) ?? undefined}
                  onMap={onRightMap}
                />
              )}
            </>
          )}
          {(!geometries || !dataset) && !error && <p className="loading">{t("loading")}</p>}
        </div>
        {phone && <PhoneTabs tabs={phoneTabs} current={currentTab} onChange={setPhoneTab} />}
        {state.view === "planner"
          ? panel(
              "planner",
              <Suspense fallback={<p className="loading">{t("loading")}</p>}>
                <PlannerPanel
                  form={state.plan}
                  planner={planner}
                  lang={lang}
                  update={updatePlan}
                  onVillage={(c) => select(c, true)}
                  regionCode={scope}
                  legend={legendView}
                  mutationsEnabled={dataset?.mutationsEnabled ?? false}
                />
              </Suspense>,
            )
          : panel(
              "list",
              <div className="sidebar">
                {legendView}
                <RankingList
                  nodes={left.nodes}
                  metric={state.metric}
                  lang={lang}
                  hovered={hovered}
                  selected={state.village}
                  onHover={setHovered}
                  onSelect={(c) => select(c, true)}
                />
              </div>,
            )}
        {state.village &&
          panel(
            "village",
            <VillagePanel
              code={state.village}
              parentCode={selectedNode?.parentCode ?? null}
              sector={state.sector}
              period={period}
              target={state.target}
              lang={lang}
              onClose={() => update({ village: null })}
            />,
          )}
      </main>
    </div>
  );
}
