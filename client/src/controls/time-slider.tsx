// A time slider over the months with figures, with play: the map steps through them one by one.
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatPeriod } from "../format.ts";
import type { Lang } from "../url-state.ts";

/** How long each month stays on screen while playing. */
export const STEP_MS = 1200;

interface Props {
  periods: readonly string[];
  period: string;
  lang: Lang;
  onChange(period: string): void;
}

export function TimeSlider({ periods, period, lang, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [playing, setPlaying] = useState(false);
  const index = Math.max(0, periods.indexOf(period));
  const last = periods.length - 1;

  useEffect(() => {
    if (!playing) return;
    if (index >= last) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => onChange(periods[index + 1]!), STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, index, last, periods, onChange]);

  const play = () => {
    // From the start when at the last month.
    if (index >= last) onChange(periods[0]!);
    setPlaying((p) => !p);
  };
  if (periods.length < 2) return null;
  return (
    <div className="time-slider field" data-playing={playing}>
      <label htmlFor={id}>
        {t("timeSlider")}: <output>{formatPeriod(period, lang)}</output>
      </label>
      <div className="time-slider-row">
        <button type="button" name="play" onClick={play} aria-pressed={playing}>
          {playing ? t("pause") : t("play")}
        </button>
        <input
          id={id}
          name="timeSlider"
          type="range"
          min={0}
          max={last}
          step={1}
          value={index}
          aria-valuetext={formatPeriod(period, lang)}
          onChange={(e) => {
            setPlaying(false);
            onChange(periods[Number(e.target.value)]!);
          }}
        />
      </div>
    </div>
  );
}
