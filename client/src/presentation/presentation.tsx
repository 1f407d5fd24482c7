// Presentation mode: full screen, large type, one view at a time, stepped with keys or a clicker.
import { useCallback, useEffect, useRef } from "react";
import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { formatPeriod } from "../format.ts";
import type { PaletteName } from "../map/classify.ts";
import { REGION_REPORT, reportVariables } from "../report/region-report-query.ts";
import { reportScope } from "../report/report-scope.ts";
import { headlineFor } from "../report/headline.ts";
import { regionTitle, sectorTitle } from "../report/region-title.ts";
import { DataSources } from "../report/data-sources.tsx";
import type { RegionCollection } from "../types.ts";
import type { Lang, Sector } from "../url-state.ts";
import { HeadlineSlide } from "./headline-slide.tsx";
import { LowestMapSlide } from "./lowest-map-slide.tsx";
import { OutreachSlide } from "./outreach-slide.tsx";
import { AchievedSlide } from "./achieved-slide.tsx";
import { CostSlide } from "./cost-slide.tsx";
import { RankingSlide } from "./ranking-slide.tsx";
import { slideAction, stepSlide } from "./slide-keys.ts";
import { TrendSlide } from "./trend-slide.tsx";
import "./presentation.css";

export const SLIDES = ["headline", "trend", "ranking", "map", "outreach", "achieved", "cost"] as const;

interface Props {
  regionCode: string;
  slide: number;
  lang: Lang;
  /** The sector every view shows (the map's); null = all sectors. */
  sector: Sector | null;
  target: number;
  palette: PaletteName;
  villages: RegionCollection;
  districts: RegionCollection;
  /** The village tiles' URL template (see villageTileUrl). */
  villageTiles: string;
  onSlide(slide: number): void;
  onExit(): void;
}

export function Presentation({
  regionCode,
  slide,
  lang,
  sector,
  target,
  palette,
  villages,
  districts,
  villageTiles,
  onSlide,
  onExit,
}: Props) {
  const { t } = useTranslation();
  const scope = reportScope(regionCode);
  const { data, error } = useQuery(REGION_REPORT, { variables: reportVariables(regionCode, sector, target) });
  const current = Math.min(SLIDES.length, Math.max(1, slide));
  const kind = SLIDES[current - 1]!;
  const title = data ? regionTitle(data.region ?? null, t) : "";

  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    onExit();
  }, [onExit]);
  const latest = useRef({ current, onSlide, exit });
  latest.current = { current, onSlide, exit };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      // Enter and space on a focused button press that button.
      if ((e.key === "Enter" || e.key === " ") && e.target instanceof HTMLButtonElement) return;
      const action = slideAction(e.key, e.shiftKey);
      if (!action) return;
      e.preventDefault();
      if (action === "exit") latest.current.exit();
      else if (action === "fullscreen") toggleFullscreen();
      else latest.current.onSlide(stepSlide(latest.current.current, action, SLIDES.length)!);
    };
    // Leaving the browser's full screen (its own Escape) leaves the presentation too; `f` only toggles it.
    let wasFull = Boolean(document.fullscreenElement);
    let toggling = false;
    const toggleFullscreen = () => {
      toggling = true;
      const done = () => {
        toggling = false;
      };
      if (document.fullscreenElement) document.exitFullscreen().then(done, done);
      else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().then(done, done);
      else done();
    };
    const onFullscreen = () => {
      if (wasFull && !document.fullscreenElement && !toggling) latest.current.exit();
      wasFull = Boolean(document.fullscreenElement);
    };
    window.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", onFullscreen);
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("fullscreenchange", onFullscreen);
    };
  }, []);

  const heading = kind === "ranking" ? t(`slide.ranking.${scope.childLevel}`) : t(`slide.${kind}`);
  return (
    <div
      className="presentation"
      role="region"
      aria-roledescription={t("present.label")}
      aria-label={title}
      data-slide={kind}
      data-slide-number={current}
    >
      <header className="slide-header">
        <h1>{heading}</h1>
        <p>
          {title}
          <span data-sector={sector ?? "ALL"}> · {sectorTitle(sector, t)}</span>
          {data && ` · ${formatPeriod(data.coverageSummary.period, lang)}`}
        </p>
      </header>
      <main className="slide-body">
        {error && (
          <p className="error" role="alert">
            {t("error", { message: error.message })}
          </p>
        )}
        {!data && !error && <p>{t("loading")}</p>}
        {data && kind === "headline" && (
          <HeadlineSlide headline={headlineFor(data, sector)} bySector={data.coverageSummary.bySector} target={target} lang={lang} />
        )}
        {data && kind === "trend" && <TrendSlide code={regionCode || null} target={target} lang={lang} />}
        {data && kind === "ranking" && (
          <RankingSlide
            regions={data.children.edges.map((e) => e.node)}
            childLevel={scope.childLevel}
            current={regionCode}
            target={target}
            lang={lang}
          />
        )}
        {data && kind === "map" && (
          <LowestMapSlide
            regionCode={regionCode}
            lowest={data.lowest.edges.map((e) => e.node)}
            period={data.coverageSummary.period}
            sector={sector}
            target={target}
            palette={palette}
            lang={lang}
            villages={villages}
            districts={districts}
            villageTiles={villageTiles}
            minCellSize={data.datasetInfo.minCellSize}
          />
        )}
        {data && kind === "outreach" && (
          <OutreachSlide regionCode={scope.level === "VILLAGE" ? scope.scope : regionCode || null} lang={lang} />
        )}
        {data && kind === "achieved" && <AchievedSlide regionCode={scope.scope} lang={lang} />}
        {data && kind === "cost" && <CostSlide regionCode={scope.scope} lang={lang} />}
      </main>
      <footer className="slide-footer">
        {data && <DataSources info={data.datasetInfo} className="slide-source" />}
        <nav className="slide-nav" aria-label={t("present.label")}>
          <button
            type="button"
            onClick={() => onSlide(stepSlide(current, "prev", SLIDES.length)!)}
            disabled={current === 1}
            aria-label={t("present.prev")}
          >
            ‹
          </button>
          <span className="slide-count" aria-live="polite">
            {t("present.slideOf", { n: current, count: SLIDES.length })}
          </span>
          <button
            type="button"
            onClick={() => onSlide(stepSlide(current, "next", SLIDES.length)!)}
            disabled={current === SLIDES.length}
            aria-label={t("present.next")}
          >
            ›
          </button>
          <button type="button" className="slide-exit" onClick={exit}>
            {t("present.exit")}
          </button>
        </nav>
      </footer>
    </div>
  );
}
