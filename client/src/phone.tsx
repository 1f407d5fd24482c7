// The phone layout (narrow screens): map on top, its panels as tabs below it, settings folded away.
import { useSyncExternalStore, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

const PHONE = "(max-width: 640px)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** True on a phone-sized screen (at most 640 CSS pixels wide). */
export function usePhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE).matches);
}

/** The map's settings and exports: as they are on a large screen, folded into one line on a phone. */
export function PhoneSettings({ phone, children }: { phone: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  if (!phone) return <>{children}</>;
  return (
    <details className="phone-settings">
      <summary>{t("phone.settings")}</summary>
      {children}
    </details>
  );
}

export type PhoneTab = "list" | "village" | "planner";

/** The tabs under the map on a phone, one per panel shown. */
export function PhoneTabs({ tabs, current, onChange }: { tabs: PhoneTab[]; current: PhoneTab; onChange(tab: PhoneTab): void }) {
  const { t } = useTranslation();
  return (
    <div className="phone-tabs" role="tablist" aria-label={t("phone.panels")}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`phone-tab-${tab}`}
          aria-selected={tab === current}
          aria-controls={`phone-panel-${tab}`}
          onClick={() => onChange(tab)}
        >
          {t(`phone.tab.${tab}`)}
        </button>
      ))}
    </div>
  );
}
