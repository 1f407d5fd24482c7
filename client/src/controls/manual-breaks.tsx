import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";

/** Semicolon separated inner class breaks (a comma may be the decimal sign), applied on blur or Enter. */
export function ManualBreaks({ value, onChange }: { value: number[]; onChange(v: number[]): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value.join("; "));
  useEffect(() => setText(value.join("; ")), [value]);
  const apply = () =>
    onChange(
      text
        .split(/[;\s]+/)
        .map((s) => Number(s.replace(",", ".")))
        .filter((n) => Number.isFinite(n)),
    );
  return (
    <div className="field">
      <label htmlFor={id}>{t("manualBreaks")}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        placeholder="0.2; 0.4; 0.6"
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === "Enter") apply();
        }}
      />
    </div>
  );
}
