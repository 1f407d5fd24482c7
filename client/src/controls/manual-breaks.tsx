import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Lang, Metric } from "../url-state.ts";
import { breaksInPercent, formatBreaks, parseBreaks, type BreaksError } from "./manual-breaks-parse.ts";

interface Props {
  value: number[];
  metric: Metric;
  lang: Lang;
  onChange(v: number[]): void;
}

/** Semicolon separated inner class breaks (rates in percent), applied on blur or Enter; wrong ones are refused with a message. */
export function ManualBreaks({ value, metric, lang, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const shown = formatBreaks(value, metric, lang);
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<BreaksError | null>(null);
  useEffect(() => {
    setText(shown);
    setProblem(null);
  }, [shown]);
  const apply = () => {
    const parsed = parseBreaks(text, metric, lang);
    if ("error" in parsed) setProblem(parsed);
    else {
      setProblem(null);
      onChange(parsed.breaks);
    }
  };
  const percent = breaksInPercent(metric);
  return (
    <div className="field">
      <label htmlFor={id}>{t(percent ? "manualBreaksPercent" : "manualBreaks")}</label>
      <input
        id={id}
        name="breaks"
        type="text"
        inputMode="decimal"
        value={text}
        placeholder={percent ? "20; 40; 60" : undefined}
        aria-invalid={problem != null}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === "Enter") apply();
        }}
      />
      {problem && (
        <span id={`${id}-error`} className="hint field-error" role="alert">
          {t(`breaks.${problem.error}`, problem)}
        </span>
      )}
    </div>
  );
}
