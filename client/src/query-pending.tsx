// What a view shows while its query loads, or when it failed.
import { useTranslation } from "react-i18next";

/** The failure (an alert) or, without one, "loading". */
export function QueryPending({ error }: { error?: { message: string } }) {
  const { t } = useTranslation();
  if (error)
    return (
      <p className="error" role="alert">
        {t("error", { message: error.message })}
      </p>
    );
  return <p>{t("loading")}</p>;
}
