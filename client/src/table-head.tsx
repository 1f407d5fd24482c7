// A table's column headings, the numeric ones right-aligned: one shape for every table the client draws.
import type { ReactNode } from "react";

export interface Column {
  label: ReactNode;
  /** A column of numbers (right-aligned). */
  num?: boolean;
}

export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col" className={c.num ? "num" : undefined}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
