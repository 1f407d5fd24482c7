// A row of tabs (ARIA tablist) named `name`: class `<name>-tabs`, tab ids `<name>-tab-<tab>`, labels `<name>.tab.<tab>`.
import { useTranslation } from "react-i18next";

export function TabList<T extends string>({
  name,
  label,
  tabs,
  current,
  panelId,
  onChange,
}: {
  name: string;
  label: string;
  tabs: readonly T[];
  current: T;
  /** The id of the panel a tab shows. */
  panelId(tab: T): string;
  onChange(tab: T): void;
}) {
  const { t } = useTranslation();
  return (
    <div className={`${name}-tabs`} role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`${name}-tab-${tab}`}
          aria-selected={tab === current}
          aria-controls={panelId(tab)}
          onClick={() => onChange(tab)}
        >
          {t(`${name}.tab.${tab}`)}
        </button>
      ))}
    </div>
  );
}
