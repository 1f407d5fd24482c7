import { useTranslation } from "react-i18next";
import { formatPeriod } from "../format.ts";
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES, PALETTES } from "../map/classify.ts";
import { METRICS, SECTORS, type SplitKind, type ViewState } from "../url-state.ts";
import { ManualBreaks } from "./manual-breaks.tsx";
import { SelectField } from "./select-field.tsx";

interface Props {
  state: ViewState;
  periods: readonly string[];
  period: string;
  update(patch: Partial<ViewState>): void;
}

export function Controls({ state, periods, period, update }: Props) {
  const { t } = useTranslation();
  const lang = state.lang;
  const sectorOptions = [{ value: "ALL", label: t("allSectors") }, ...SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))];
  const periodOptions = [...periods].reverse().map((p) => ({ value: p, label: formatPeriod(p, lang) }));
  const splitKind = state.split ?? "none";
  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label={t("metric")}>
      <SelectField
        name="metric"
        label={t("metric")}
        value={state.metric}
        options={METRICS.map((m) => ({ value: m, label: t(`metric.${m}`) }))}
        onChange={(metric) => update({ metric })}
      />
      {state.metric === "GAP_TO_TARGET" && (
        <SelectField
          name="target"
          label={t("target")}
          value={String(state.target)}
          options={[0.25, 0.5, 0.75, 1].map((v) => ({ value: String(v), label: `${v * 100}%` }))}
          onChange={(v) => update({ target: Number(v) })}
        />
      )}
      <SelectField
        name="sector"
        label={t("sector")}
        value={state.sector ?? "ALL"}
        options={sectorOptions}
        onChange={(v) => update({ sector: v === "ALL" ? null : (v as ViewState["sector"]) })}
      />
      <SelectField name="period" label={t("period")} value={period} options={periodOptions} onChange={(p) => update({ period: p })} />
      <SelectField
        name="method"
        label={t("method")}
        value={state.method}
        options={CLASS_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
        onChange={(method) => update({ method })}
      />
      {state.method === "manual" && (
        <ManualBreaks value={state.manual} metric={state.metric} lang={lang} onChange={(manual) => update({ manual })} />
      )}
      {state.method !== "manual" && (
        <SelectField
          name="classes"
          label={t("classes")}
          value={String(state.classes)}
          options={Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => ({
            value: String(i + MIN_CLASSES),
            label: String(i + MIN_CLASSES),
          }))}
          onChange={(v) => update({ classes: Number(v) })}
        />
      )}
      <SelectField
        name="palette"
        label={t("palette")}
        value={state.palette}
        options={PALETTES.map((p) => ({ value: p, label: p }))}
        onChange={(palette) => update({ palette })}
      />
      <SelectField
        name="split"
        label={t("split")}
        value={splitKind}
        options={[
          { value: "none", label: t("splitNone") },
          { value: "period", label: t("splitPeriod") },
          { value: "sector", label: t("splitSector") },
        ]}
        onChange={(v) =>
          update(
            v === "none"
              ? { split: null, splitValue: null }
              : { split: v as SplitKind, splitValue: v === "period" ? (periods[0] ?? null) : "FISHER" },
          )
        }
      />
      {state.split === "period" && (
        <SelectField
          name="splitValue"
          label={t("compareWith")}
          value={state.splitValue ?? periods[0] ?? ""}
          options={periodOptions}
          onChange={(splitValue) => update({ splitValue })}
        />
      )}
      {state.split === "sector" && (
        <SelectField
          name="splitValue"
          label={t("compareWith")}
          value={state.splitValue ?? "ALL"}
          options={sectorOptions}
          onChange={(splitValue) => update({ splitValue })}
        />
      )}
      <div className="field checkbox">
        <label>
          <input type="checkbox" name="fertilizer" checked={state.fertilizer} onChange={(e) => update({ fertilizer: e.target.checked })} />{" "}
          {t("fertilizerLayer")}
        </label>
      </div>
    </form>
  );
}
