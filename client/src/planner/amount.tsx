// Rupiah amounts typed the way the UI language writes them, with the amount read back beside the field.
import { useTranslation } from "react-i18next";
import { formatInt, formatRupiah, parseLocaleNumber } from "../format.ts";
import type { Lang } from "../url-state.ts";

export type Amount = { value: number | null } | { error: "notANumber" | "ambiguous" | "notAnAmount" };

/** An amount as the language writes it, without the currency: 100.000.000 (id), 100,000,000 (en). */
export function formatAmount(n: number | null, lang: Lang): string {
  return n == null ? "" : formatInt(n, lang);
}

/** A whole rupiah amount from 1 to `max`; blank is no amount. */
export function readAmount(text: string, lang: Lang, max = Number.MAX_SAFE_INTEGER): Amount {
  if (text.trim() === "") return { value: null };
  const parsed = parseLocaleNumber(text, lang);
  if ("error" in parsed) return parsed;
  if (!Number.isInteger(parsed.value) || parsed.value < 1 || parsed.value > max) return { error: "notAnAmount" };
  return { value: parsed.value };
}

/** Beside the field: the amount as read (Rp 100.000.000), `blank` when empty, or what is wrong. */
export function AmountHint({ amount, lang, blank }: { amount: Amount; lang: Lang; blank: string }) {
  const { t } = useTranslation();
  if ("error" in amount) {
    return (
      <span className="hint field-error" role="alert">
        {t(`amount.${amount.error}`, { example: formatAmount(100_000_000, lang) })}
      </span>
    );
  }
  return <output className="hint">{amount.value == null ? blank : formatRupiah(amount.value, lang)}</output>;
}
