import type { ReactNode } from "react";

/** A headline figure: a large number (`data-figure` names it) over its label. */
export function BigFigure({ figure, value, label, mid }: { figure: string; value: string; label: ReactNode; mid?: boolean }) {
  return (
    <div className="figure">
      <p className={mid ? "mid-number" : "big-number"} data-figure={figure}>
        {value}
      </p>
      <p className="figure-label">{label}</p>
    </div>
  );
}
