import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Lang, ViewState } from "./url-state.ts";
import { SignIn } from "./people/sign-in.tsx";

interface Props {
  state: ViewState;
  update(patch: Partial<ViewState>): void;
  /** The root region's title ("Kabupaten Bangkalan", "Provinsi Jawa Timur"). */
  regionTitle: string;
  search: ReactNode;
}

function Toggle<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange(v: T): void;
}) {
  return (
    <div className="toggle" role="group" aria-label={label}>
      {options.map((o) => (
        <button key={o.value} type="button" aria-pressed={value === o.value} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function Header({ state, update, regionTitle, search }: Props) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="titles">
        <h1>{t("title")}</h1>
        <p className="muted">{t("subtitle", { name: regionTitle })}</p>
      </div>
      {search}
      <Toggle
        label={t("viewMap")}
        value={state.view}
        onChange={(view) => update({ view })}
        options={[
          { value: "map", label: t("viewMap") },
          { value: "table", label: t("viewTable") },
          { value: "planner", label: t("viewPlanner") },
        ]}
      />
      <Toggle<Lang>
        label={t("language")}
        value={state.lang}
        onChange={(lang) => update({ lang })}
        options={[
          { value: "id", label: "ID" },
          { value: "en", label: "EN" },
        ]}
      />
      <SignIn />
    </header>
  );
}
