import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Map as MapLibreMap } from "maplibre-gl";
import { formatPercent } from "../format.ts";
import { legendRows } from "../legend/legend-rows.ts";
import { classify, type PaletteName } from "../map/classify.ts";
import { CoverageMap } from "../map/coverage-map.tsx";
import { addTextMarkers } from "../map/map-setup.ts";
import type { LowestVillage } from "../report/region-report-query.ts";
import { reportScope } from "../report/report-scope.ts";
import { isInRegionOrNation } from "../../../domain/region-code.ts";
import { classValue, type RegionCollection } from "../types.ts";
import type { Lang, Sector } from "../url-state.ts";
import { useVillageCoverage } from "../use-coverage.ts";

interface Props {
  regionCode: string;
  lowest: readonly LowestVillage[];
  period: string;
  sector: Sector | null;
  target: number;
  palette: PaletteName;
  lang: Lang;
  /** The village boundaries the client holds (for the extent where they cover the region; see villageGeometryScope). */
  villages: RegionCollection;
  districts: RegionCollection;
  /** The village tiles the map draws from (the values join them by code), as on the main map. */
  villageTiles: string;
  /** The server's minimum cell size, for the suppressed class's legend row. */
  minCellSize: number;
}

const noop = () => undefined;

/** The region's villages by coverage rate, the lowest numbered on the map and listed beside it. */
export function LowestMapSlide({
  regionCode,
  lowest,
  period,
  sector,
  target,
  palette,
  lang,
  villages,
  districts,
  villageTiles,
  minCellSize,
}: Props) {
  const { t } = useTranslation();
  const { scope, level } = reportScope(regionCode);
  const coverage = useVillageCoverage(useMemo(() => ({ sector, period, target, parentCode: scope }), [sector, period, target, scope]));
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const shown = useMemo(
    () => ({
      villages: { ...villages, features: villages.features.filter((f) => isInRegionOrNation(f.properties.code, scope)) },
      districts: { ...districts, features: districts.features.filter((f) => isInRegionOrNation(f.properties.code, scope)) },
    }),
    [villages, districts, scope],
  );
  const nodes = useMemo(() => new Map([...coverage.byCode].filter(([code]) => isInRegionOrNation(code, scope))), [coverage.byCode, scope]);
  const classification = useMemo(
    () =>
      classify(
        [...nodes.values()].map((n) => classValue(n, "COVERAGE_RATE")),
        { method: "quantile", classes: 5, palette, lowIsBad: true },
      ),
    [nodes, palette],
  );

  useEffect(() => {
    if (!map) return;
    const markers = addTextMarkers(
      map,
      lowest.flatMap((v, i) => {
        const at: [number, number] | null = v.centroid ? [v.centroid.lon, v.centroid.lat] : null;
        return at ? [{ text: String(i + 1), at, className: "lowest-marker", code: v.code }] : [];
      }),
    );
    return () => markers.forEach((m) => m.remove());
  }, [map, lowest]);

  return (
    <div className="lowest-map-slide">
      <div className="slide-map">
        {nodes.size > 0 && (
          <CoverageMap
            villages={shown.villages}
            districts={shown.districts}
            villageTiles={villageTiles}
            nodes={nodes}
            metric="COVERAGE_RATE"
            lang={lang}
            classification={classification}
            fertilizer={[]}
            showFertilizer={false}
            basemapUrl={null}
            initialView={null}
            hovered={null}
            selected={level === "VILLAGE" ? regionCode : null}
            focus={null}
            region={scope}
            primary
            onHover={noop}
            onSelect={noop}
            onRegion={noop}
            onMap={setMap}
          />
        )}
      </div>
      <aside className="slide-side">
        <ol className="lowest-list">
          {lowest.map((v) => (
            <li key={v.code} data-code={v.code}>
              <span className="name">
                {v.name}
                <span className="district"> · {v.parentName}</span>
              </span>
              <span className="value">{formatPercent(v.coverageRate, lang)}</span>
            </li>
          ))}
        </ol>
        <ul className="legend-bar" aria-label={t("legend")}>
          {legendRows(classification, "COVERAGE_RATE", lang, t("suppressedClass", { n: minCellSize })).map((row) => (
            <li key={row.color}>
              <span className="swatch" style={{ background: row.color }} />
              {row.label}
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
