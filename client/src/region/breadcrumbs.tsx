// Where the view is in the hierarchy (regency › district › village): each step up is a link back.
import { useTranslation } from "react-i18next";
import { levelOfCode } from "../../../domain/region-code.ts";
import { placeTitle } from "../report/region-title.ts";
import { NATION } from "./region-path.ts";

interface Props {
  /** From the root region down to the region viewed, then the village picked (if any). */
  path: readonly string[];
  name(code: string): string | undefined;
  onRegion(code: string): void;
}

export function Breadcrumbs({ path, name, onRegion }: Props) {
  const { t } = useTranslation();
  const title = (code: string) => (code === NATION ? t("nation") : placeTitle(levelOfCode(code), name(code) ?? code, t));
  return (
    <nav className="breadcrumbs" aria-label={t("breadcrumbs")}>
      <ol>
        {path.map((code, i) => (
          <li key={code} data-code={code}>
            {i < path.length - 1 ? (
              <button type="button" className="link" onClick={() => onRegion(code)}>
                {title(code)}
              </button>
            ) : (
              <span aria-current="page">{title(code)}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
