import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Map as MapLibreMap } from "maplibre-gl";
import { formatPercent } from "../format.ts";
import { legendRows } from "../legend/legend-rows.ts";
import { classify, type PaletteName } from "../map/classify.ts";
import { CoverageMap } from "../map/coverage-map.tsx";
import { labelPoint } from "../map/geo.ts";
import { addTextMarkers } from "../map/map-setup.ts";
import type { RankedRegion } from "../report/region-report-query.ts";
import { reportScope } from "../report/report-scope.ts";
import { isInRegion } from "../../../domain/region-code.ts";
import { classValue, type RegionCollection } from "../types.ts";
import type { Lang, Sector } from "../url-state.ts";
import { useVillageCoverage } from "../use-coverage.ts";

interface Props {
  regionCode: string;
  lowest: readonly RankedRegion[];
  period: string;
  sector: Sector | null;
  target: number;
  palette: PaletteName;
  lang: Lang;
  villages: RegionCollection;
  districts: RegionCollection;
  /** The server's minimum cell size, for the suppressed class's legend row. */
  minCellSize: number;
}

const noop = () => undefined;

/** The region's villages by coverage rate, the lowest numbered on the map and listed beside it. */
export function LowestMapSlide({ regionCode, lowest, period, sector, target, palette, lang, villages, districts, minCellSize }: Props) {
  const { t } = useTranslation();
  const { scope, level } = reportScope(regionCode);
  const coverage = useVillageCoverage(useMemo(() => ({ sector, period, target, parentCode: scope }), [sector, period, target, scope]));
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const shown = useMemo(
    () => ({
      villages: { ...villages, features: villages.features.filter((f) => isInRegion(f.properties.code, scope)) },
      districts: {
        ...districts,
        features: districts.features.filter((f) => isInRegion(scope, f.properties.code) || isInRegion(f.properties.code, scope)),
      },
    }),
    [villages, districts, scope],
  );
  const nodes = useMemo(() => new Map([...coverage.byCode].filter(([code]) => isInRegion(code, scope))), [coverage.byCode, scope]);
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
        const f = shown.villages.features.find((x) => x.properties.code === v.code);
        return f ? [{ text: String(i + 1), at: labelPoint(f.geometry), className: "lowest-marker", code: v.code }] : [];
      }),
    );
    return () => markers.forEach((m) => m.remove());
  }, [map, lowest, shown.villages]);

  return (
    <div className="lowest-map-slide">
      <div className="slide-map">
        {nodes.size > 0 && (
          <CoverageMap
            villages={shown.villages}
            districts={shown.districts}
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
