import { useId, useState } from "react";
import { rankVillages } from "../ranking/ranking-list.tsx";
import { useTranslation } from "react-i18next";
import { formatDecimal, formatInt, formatPercent } from "../format.ts";
import type { CoverageNode } from "../types.ts";
import type { Lang, Metric } from "../url-state.ts";

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
  /** Until a column is chosen, rows come in the ranking's order for this measure. */
  metric: Metric;
  lang: Lang;
  /** The server's minimum cell size (datasetInfo.minCellSize): a suppressed count says "fewer than" it. */
  minCellSize: number | null;
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

/** The rows in the ranking's order (worst first, unreliable rates after), the unranked last. */
function rankingOrder(nodes: readonly CoverageNode[], metric: Metric): CoverageNode[] {
  const ranked = rankVillages(nodes, metric);
  const seen = new Set(ranked.map((n) => n.code));
  return [...ranked, ...nodes.filter((n) => !seen.has(n.code))];
}

/** The same numbers as the map, as an accessible table: the ranking's order, sortable by any column, filterable by name. */
export function CoverageTable({ nodes, metric, lang, minCellSize, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const filterId = useId();
  const [sort, setSort] = useState<{ key: Column; dir: 1 | -1 } | null>(null);
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle
    ? nodes.filter((n) => n.name.toLocaleLowerCase().includes(needle) || (n.parentName ?? "").toLocaleLowerCase().includes(needle))
    : nodes;
  const rows = sort ? [...shown].sort((a, b) => sort.dir * compare(a, b, sort.key)) : rankingOrder(shown, metric);
  const cell = (n: CoverageNode, key: Column) => {
    if (key === "coverageRate") return formatPercent(n.coverageRate, lang);
    if (key === "uncoveredPerKm2") return formatDecimal(n.uncoveredPerKm2, lang);
    const v = n[key];
    // A null count (suppressed) shows as a dash, like every missing figure.
    return typeof v === "number" || v === null ? formatInt(v, lang) : v;
  };
  return (
    // Focusable so a keyboard can scroll it (it scrolls on its own on small screens).
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t("tableCaption")}>
      <div className="field table-filter">
        <label htmlFor={filterId}>{t("tableFilter")}</label>
        <input id={filterId} name="tableFilter" type="text" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="hint" role="status">
          {t("tableShown", { shown: formatInt(rows.length, lang), count: formatInt(nodes.length, lang) })}
          {sort == null && ` · ${t("tableRankingOrder", { metric: t(`metric.${metric}`) })}`}
        </span>
      </div>
      <table className="coverage-table">
        <caption>{t("tableCaption")}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.numeric ? "num" : undefined}
                aria-sort={sort?.key === c.key ? (sort.dir === 1 ? "ascending" : "descending") : undefined}
              >
                <button
                  type="button"
                  title={t("sortBy", { column: t(c.label) })}
                  onClick={() => setSort((s) => ({ key: c.key, dir: s?.key === c.key ? (s.dir === 1 ? -1 : 1) : 1 }))}
                >
                  {t(c.label)}
                  <span className="sort-arrow" aria-hidden="true">
                    {sort?.key === c.key ? (sort.dir === 1 ? " ▲" : " ▼") : " ↕"}
                  </span>
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
                <td
                  key={c.key}
                  className={c.numeric ? "num" : undefined}
                  title={n.suppressed && c.numeric && c.key !== "workforce" ? t("reliability.SUPPRESSED", { n: minCellSize }) : undefined}
                >
                  {c.key === "name" ? (
                    <button type="button" className="link" onClick={() => onSelect(n.code)}>
                      {n.name}
                    </button>
                  ) : (
                    cell(n, c.key)
                  )}
                </td>
              ))}
              <td>{t(`reliability.${n.reliability}`, { n: minCellSize })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
