import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";
import { id } from "./id.ts";
import type { Lang } from "../url-state.ts";

export function initI18n(lang: Lang): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: "id",
    resources: { id: { translation: id }, en: { translation: en } },
    interpolation: { escapeValue: false },
    keySeparator: false,
    initAsync: false,
  });
  return i18next;
}
