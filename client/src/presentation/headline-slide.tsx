import { useTranslation } from "react-i18next";
import { formatChange, formatInt, formatPercent } from "../format.ts";
import type { Headline } from "../report/headline.ts";
import type { RegionSummary } from "../report/region-report-query.ts";
import { targetProgress } from "../report/report-scope.ts";
import type { Lang } from "../url-state.ts";
import { RateBar } from "./rate-bar.tsx";
import { BigFigure } from "./big-figure.tsx";

interface Props {
  /** The figures of the sector shown (or all sectors). */
  headline: Headline;
  bySector: RegionSummary["bySector"];
  target: number;
  lang: Lang;
}

/** Workers enrolled, coverage by sector, change over 12 months and progress against the target. */
export function HeadlineSlide({ headline: s, bySector, target, lang }: Props) {
  const { t } = useTranslation();
  const progress = targetProgress(s.enrolled, s.workforce, target);
  return (
    <div className="headline-slide">
      <section className="headline-figures">
        <BigFigure figure="enrolled" value={formatInt(s.enrolled, lang)} label={t("headline.enrolled")} />
        <BigFigure
          figure="coverageRate"
          value={formatPercent(s.coverageRate, lang)}
          label={t("headline.ofWorkforce", { workforce: formatInt(s.workforce, lang) })}
        />
        <BigFigure
          figure="change12m"
          mid
          value={`${formatChange(s.enrolledChange12m, lang)} · ${t("headline.points", { value: formatChange(s.coverageRateChange12m, lang, true) })}`}
          label={t("headline.change12m")}
        />
        <div className="figure" data-figure="target">
          <RateBar
            rate={s.coverageRate}
            target={target}
            lang={lang}
            label={t("headline.target", { target: formatPercent(target, lang) })}
          />
          <p className="figure-label">
            {progress.reached
              ? t("headline.targetReached", { target: formatPercent(target, lang) })
              : t("headline.toEnrol", { value: formatInt(progress.toEnrol, lang), target: formatPercent(target, lang) })}
          </p>
        </div>
      </section>
      <section className="headline-sectors" aria-labelledby="headline-sectors-title">
        <h2 id="headline-sectors-title">{t("bySector")}</h2>
        <ul>
          {bySector.map((f) => (
            <li key={f.sector} data-sector={f.sector} aria-current={f.sector === s.sector || undefined}>
              <p className="sector-name">{t(`sector.${f.sector}`)}</p>
              <RateBar rate={f.coverageRate} target={target} lang={lang} label={t(`sector.${f.sector}`)} />
              <p className="sector-detail">
                {t("headline.enrolledOf", { enrolled: formatInt(f.enrolled, lang), workforce: formatInt(f.workforce, lang) })}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
