import { useTranslation } from "react-i18next";
import { formatInt } from "../format.ts";
import type { RankedRegion } from "../report/region-report-query.ts";
import type { RegionLevel } from "../report/report-scope.ts";
import type { Lang } from "../url-state.ts";
import { RateBar } from "./rate-bar.tsx";

/** At most this many rows fit a projector at 1280×720: two tables of ten. */
export const MAX_RANKED = 20;

interface Props {
  regions: readonly RankedRegion[];
  childLevel: RegionLevel;
  /** The region presented, when it is one of the rows (a village among its district's). */
  current: string;
  target: number;
  lang: Lang;
}

/** The region's provinces, regencies or districts (or a district's villages), lowest coverage first, against the target. */
export function RankingSlide({ regions, childLevel, current, target, lang }: Props) {
  const { t } = useTranslation();
  // Suppressed rows (a count withheld by disclosure control) stay, last and with dashes: a village presented is always among its district's.
  const ranked = regions.filter((r) => r.coverageRate != null || r.reliability === "SUPPRESSED").slice(0, MAX_RANKED);
  const half = ranked.length > 10 ? Math.ceil(ranked.length / 2) : ranked.length;
  const columns = [ranked.slice(0, half), ranked.slice(half)].filter((c) => c.length > 0);
  return (
    <div className="ranking-slide">
      <div className="ranking-columns">
        {columns.map((rows, c) => (
          <table key={c} className="slide-table ranking-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">{t(childLevel.toLowerCase())}</th>
                <th scope="col">{t("coverageRate")}</th>
                <th scope="col" className="num">
                  {t("uncovered")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr
                  key={r.code}
                  data-code={r.code}
                  className={r.code === current ? "is-current" : undefined}
                  aria-current={r.code === current ? "true" : undefined}
                >
                  <td className="num">{c * half + i + 1}</td>
                  <th scope="row">
                    {r.name}
                    {r.reliability === "SMALL_WORKFORCE" ? " *" : ""}
                  </th>
                  <td className="bar-cell">
                    <RateBar rate={r.coverageRate} target={target} lang={lang} label={r.name} />
                  </td>
                  <td className="num">{formatInt(r.uncovered, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      {regions.length > ranked.length && (
        <p className="slide-note">{t("ranking.shown", { shown: ranked.length, count: regions.length })}</p>
      )}
      {ranked.some((r) => r.reliability === "SMALL_WORKFORCE") && <p className="slide-note">{t("ranking.smallWorkforce")}</p>}
    </div>
  );
}
