import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDecimal, formatInt, formatPercent } from "../format.ts";
import type { CoverageNode } from "../types.ts";
import type { Lang } from "../url-state.ts";

type Column = "name" | "parentName" | "workforce" | "enrolled" | "coverageRate" | "uncovered" | "uncoveredPerKm2" | "gapToTarget";
const COLUMNS: { key: Column; label: string; numeric: boolean }[] = [
  { key: "name", label: "village", numeric: false },
  { key: "parentName", label: "district", numeric: false },
  { key: "workforce", label: "workforce", numeric: true },
  { key: "enrolled", label: "enrolled", numeric: true },
  { key: "coverageRate", label: "coverageRate", numeric: true },
  { key: "uncovered", label: "uncovered", numeric: true },
  { key: "uncoveredPerKm2", label: "uncoveredPerKm2", numeric: true },
  { key: "gapToTarget", label: "gapToTarget", numeric: true },
];

interface Props {
  nodes: readonly CoverageNode[];
  lang: Lang;
  selected: string | null;
  onSelect(code: string): void;
}

function compare(a: CoverageNode, b: CoverageNode, key: Column): number {
  const x = a[key],
    y = b[key];
  if (x == null) return y == null ? 0 : 1;
  if (y == null) return -1;
  return typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
}

/** The same numbers as the map, as an accessible, sortable table. */
export function CoverageTable({ nodes, lang, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: Column; dir: 1 | -1 }>({ key: "coverageRate", dir: 1 });
  const rows = [...nodes].sort((a, b) => sort.dir * compare(a, b, sort.key));
  const cell = (n: CoverageNode, key: Column) => {
    if (key === "coverageRate") return formatPercent(n.coverageRate, lang);
    if (key === "uncoveredPerKm2") return formatDecimal(n.uncoveredPerKm2, lang);
    const v = n[key];
    return typeof v === "number" ? formatInt(v, lang) : v;
  };
  return (
    <div className="table-wrap">
      <table className="coverage-table">
        <caption>{t("tableCaption")}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.numeric ? "num" : undefined}
                aria-sort={sort.key === c.key ? (sort.dir === 1 ? "ascending" : "descending") : "none"}
              >
                <button
                  type="button"
                  aria-label={t("sortBy", { column: t(c.label) })}
                  onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? (s.dir === 1 ? -1 : 1) : 1 }))}
                >
                  {t(c.label)}
                </button>
              </th>
            ))}
            <th scope="col">{t("reliability")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <tr key={n.code} className={selected === n.code ? "is-selected" : undefined}>
              {COLUMNS.map((c) => (
                <td key={c.key} className={c.numeric ? "num" : undefined}>
                  {c.key === "name" ? (
                    <button type="button" className="link" onClick={() => onSelect(n.code)}>
                      {n.name}
                    </button>
                  ) : (
                    cell(n, c.key)
                  )}
                </td>
              ))}
              <td>{t(`reliability.${n.reliability}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
