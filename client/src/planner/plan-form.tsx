// The planner's inputs. Edits stay local until "Plan" writes them to the URL state.
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AmountHint, formatAmount, readAmount } from "./amount.tsx";
import { SECTORS, type Lang, type Sector } from "../url-state.ts";
import { CANDIDATE_SITES, PLAN_BOUNDS, PLAN_TARGETS, type CandidateSites, type PlanForm, type PlanTarget } from "./plan-state.ts";
import type { SeasonWindow } from "./season-window.ts";

interface Props {
  form: PlanForm;
  season: SeasonWindow | null;
  lang: Lang;
  onSubmit(patch: Partial<PlanForm>): void;
}

type Draft = Record<"sessions" | "km" | "rate" | "budget" | "premium" | "months", string> & {
  sectors: Sector[];
  targets: PlanTarget[];
  candidates: CandidateSites;
  from: string | null;
  to: string | null;
};

function toDraft(f: PlanForm, lang: Lang): Draft {
  return {
    sectors: f.sectors,
    targets: f.targets,
    candidates: f.candidates,
    from: f.from,
    to: f.to,
    sessions: String(f.sessions),
    km: String(f.maxDistanceKm),
    rate: f.enrollmentRate == null ? "" : String(Math.round(f.enrollmentRate * 1000) / 10),
    budget: f.budget == null ? "" : formatAmount(f.budget, lang),
    premium: formatAmount(f.monthlyPremium, lang),
    months: String(f.months),
  };
}

function Field({ label, hint, children }: { label: string; hint?: ReactNode; children(id: string): ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {typeof hint === "string" ? <span className="hint">{hint}</span> : hint}
    </div>
  );
}

/** Checkboxes choosing some of `all`; the choice is kept in `all`'s order. */
function Choices<T extends string>(p: {
  legend: string;
  name: string;
  all: readonly T[];
  chosen: readonly T[];
  label(value: T): string;
  onChange(chosen: T[]): void;
}) {
  const toggle = (value: T, on: boolean) =>
    p.onChange(on ? p.all.filter((x) => x === value || p.chosen.includes(x)) : p.chosen.filter((x) => x !== value));
  return (
    <fieldset className="sectors">
      <legend>{p.legend}</legend>
      {p.all.map((value) => (
        <label key={value}>
          <input
            type="checkbox"
            name={p.name}
            value={value}
            checked={p.chosen.includes(value)}
            onChange={(e) => toggle(value, e.target.checked)}
          />{" "}
          {p.label(value)}
        </label>
      ))}
    </fieldset>
  );
}

export function PlanFormView({ form, season, lang, onSubmit }: Props) {
  const { t } = useTranslation();
  const [d, setD] = useState(() => toDraft(form, lang));
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const n = (s: string) => (s.trim() === "" ? null : Number(s));

  const budget = readAmount(d.budget, lang);
  const premium = readAmount(d.premium, lang, PLAN_BOUNDS.monthlyPremium[1]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if ("error" in budget || "error" in premium) return;
    const rate = n(d.rate);
    onSubmit({
      sectors: d.sectors.length ? d.sectors : ["FARMER"],
      targets: d.targets.length ? d.targets : ["UNCOVERED"],
      sessions: n(d.sessions) ?? form.sessions,
      maxDistanceKm: n(d.km) ?? form.maxDistanceKm,
      candidates: d.candidates,
      from: d.from || null,
      to: d.to || null,
      enrollmentRate: rate == null ? null : rate / 100,
      budget: budget.value,
      monthlyPremium: premium.value ?? form.monthlyPremium,
      months: n(d.months) ?? form.months,
    });
  };
  return (
    <form className="plan-form" onSubmit={submit} aria-label={t("planner.form")}>
      <Choices
        legend={t("planner.sectors")}
        name="planSector"
        all={SECTORS}
        chosen={d.sectors}
        label={(s) => t(`sector.${s}`)}
        onChange={(sectors) => set({ sectors })}
      />
      <Choices
        legend={t("planner.targets")}
        name="planTarget"
        all={PLAN_TARGETS}
        chosen={d.targets}
        label={(target) => t(`planner.targets.${target}`)}
        onChange={(targets) => set({ targets })}
      />
      <Field label={t("planner.sessions")}>
        {(id) => <BoundedNumber id={id} name="sessions" step={1} value={d.sessions} onChange={(v) => set({ sessions: v })} />}
      </Field>
      <Field label={t("planner.maxDistance")}>
        {(id) => <BoundedNumber id={id} name="maxDistanceKm" step={0.1} value={d.km} onChange={(v) => set({ km: v })} />}
      </Field>
      <Field label={t("planner.candidates")}>
        {(id) => (
          <select id={id} name="candidates" value={d.candidates} onChange={(e) => set({ candidates: e.target.value as CandidateSites })}>
            {CANDIDATE_SITES.map((c) => (
              <option key={c} value={c}>
                {t(`planner.candidates.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t("planner.from")}
        hint={!d.from && season ? t(season.ended ? "planner.seasonEnded" : "planner.seasonDefault", { season: season.season }) : undefined}
      >
        {(id) => (
          <input id={id} name="from" type="date" value={d.from ?? season?.from ?? ""} onChange={(e) => set({ from: e.target.value })} />
        )}
      </Field>
      <Field label={t("planner.to")}>
        {(id) => <input id={id} name="to" type="date" value={d.to ?? season?.to ?? ""} onChange={(e) => set({ to: e.target.value })} />}
      </Field>
      <Field label={t("planner.rate")} hint={t("planner.rateBlank")}>
        {(id) => (
          <input
            id={id}
            name="enrollmentRate"
            type="number"
            min={0}
            max={100}
            step={0.1}
            placeholder={t("planner.ratePlaceholder")}
            value={d.rate}
            onChange={(e) => set({ rate: e.target.value })}
          />
        )}
      </Field>
      <Field label={t("planner.budget")} hint={<AmountHint amount={budget} lang={lang} blank={t("planner.noLimit")} />}>
        {(id) => (
          <input
            id={id}
            name="budget"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            aria-invalid={"error" in budget}
            value={d.budget}
            onChange={(e) => set({ budget: e.target.value })}
          />
        )}
      </Field>
      <Field label={t("planner.premium")} hint={<AmountHint amount={premium} lang={lang} blank="–" />}>
        {(id) => (
          <input
            id={id}
            name="monthlyPremium"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            required
            aria-invalid={"error" in premium}
            value={d.premium}
            onChange={(e) => set({ premium: e.target.value })}
          />
        )}
      </Field>
      <Field label={t("planner.months")}>
        {(id) => <BoundedNumber id={id} name="months" step={1} value={d.months} onChange={(v) => set({ months: v })} />}
      </Field>
      <button type="submit" className="primary">
        {t("planner.run")}
      </button>
    </form>
  );
}

/** A number field whose limits are the planner's own bounds for the field of that name. */
function BoundedNumber({
  id,
  name,
  step,
  value,
  onChange,
}: {
  id: string;
  name: "sessions" | "maxDistanceKm" | "months";
  step: number;
  value: string;
  onChange(value: string): void;
}) {
  const [min, max] = PLAN_BOUNDS[name];
  return (
    <input
      id={id}
      name={name}
      type="number"
      required
      min={min}
      max={max}
      step={step}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
