// Saved things side by side (plans, funding scenarios): one column each, one row per figure.
export interface Compared {
  id: number;
  name: string;
}

/** `rows`: key (the row's data-row), label, and the cell of each column; `kind`: the columns' data attribute (data-plan, data-scenario). */
export function CompareTable<T extends Compared>({
  items,
  rows,
  caption,
  kind,
  className,
}: {
  items: T[];
  rows: [string, string, (item: T) => string][];
  caption: string;
  kind: "plan" | "scenario";
  className: string;
}) {
  return (
    <div className="plan-compare-wrap">
      <table className={`plan-compare ${className} small`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {items.map((p) => (
              <th key={p.id} scope="col" {...{ [`data-${kind}`]: p.id }}>
                {p.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label, cell]) => (
            <tr key={key} data-row={key}>
              <th scope="row">{label}</th>
              {items.map((p) => (
                <td key={p.id} className="num">
                  {cell(p)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
