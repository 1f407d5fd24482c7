// Coverage now and after (a plan or a budget), with the new enrollments, one row per region or sector.
import { useTranslation } from "react-i18next";
import { formatInt, formatPercent } from "../format.ts";
import { TableHead } from "../table-head.tsx";
import type { Lang } from "../url-state.ts";

export interface BeforeAfterRow {
  key: string;
  label: string;
  before: number | null;
  after: number | null;
  added: number;
  total?: boolean;
}

export function BeforeAfterTable({
  head,
  rows,
  lang,
  attr,
}: {
  head: string;
  rows: BeforeAfterRow[];
  lang: Lang;
  attr: "data-code" | "data-sector";
}) {
  const { t } = useTranslation();
  return (
    <table className="plan-coverage small">
      <TableHead
        columns={[
          { label: head },
          { label: t("planner.before"), num: true },
          { label: t("planner.after"), num: true },
          { label: t("planner.new"), num: true },
        ]}
      />
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} {...{ [attr]: r.key }} className={r.total ? "total" : undefined}>
            <th scope="row">{r.label}</th>
            <td className="num">{formatPercent(r.before, lang)}</td>
            <td className="num">{formatPercent(r.after, lang)}</td>
            <td className="num">{formatInt(r.added, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
