// The phone layout (narrow screens): map on top, its panels as tabs below it, settings folded away.
import { useSyncExternalStore, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TabList } from "./tab-list.tsx";

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
    <TabList
      name="phone"
      label={t("phone.panels")}
      tabs={tabs}
      current={current}
      panelId={(tab) => `phone-panel-${tab}`}
      onChange={onChange}
    />
  );
}
