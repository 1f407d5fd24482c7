// The attacker's tools, written apart from server/disclosure: the published equations built from
// the region codes, and an exact (BigInt, fraction-free) Gaussian elimination that finds every
// suppressed cell the published figures determine.
import { cellKey } from "../../server/disclosure/rule.ts";
import { SECTORS } from "../../domain/vocabulary.ts";

export type Equation = { total: string; parts: string[] };

/** Every published equation, built here from the village rows: sums up the code tree and over sectors. */
export function equationsFrom(rows: readonly { code: string }[]): Equation[] {
  const regions = new Set<string>([""]);
  for (const r of rows) {
    const segments = r.code.split(".");
    for (let i = 1; i <= segments.length; i++) regions.add(segments.slice(0, i).join("."));
  }
  const childrenOf = (code: string) =>
    [...regions].filter(
      (c) => c !== "" && (code === "" ? !c.includes(".") : c.startsWith(`${code}.`) && c.split(".").length === code.split(".").length + 1),
    );
  const out: Equation[] = [];
  for (const code of regions) {
    const kids = childrenOf(code);
    for (const s of [...SECTORS, null]) {
      if (kids.length) out.push({ total: cellKey(code, s), parts: kids.map((k) => cellKey(k, s)) });
    }
    out.push({ total: cellKey(code, null), parts: SECTORS.map((s) => cellKey(code, s)) });
  }
  return out;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

/** Suppressed cells the equations determine: exact Gauss-Jordan over the integers (rows kept primitive). */
export function exactlyDetermined(equations: Equation[], hidden: ReadonlySet<string>): string[] {
  const cols = [...hidden].sort();
  const index = new Map(cols.map((k, i) => [k, i]));
  let rows = equations
    .map((eq) => {
      const row = cols.map(() => 0n);
      if (hidden.has(eq.total)) row[index.get(eq.total)!] -= 1n;
      for (const p of eq.parts) if (hidden.has(p)) row[index.get(p)!] += 1n;
      return row;
    })
    .filter((r) => r.some((v) => v !== 0n));
  const pivots: { col: number; row: bigint[] }[] = [];
  for (let j = 0; j < cols.length; j++) {
    const at = rows.findIndex((r) => r[j] !== 0n);
    if (at < 0) continue;
    const pivot = rows[at]!;
    rows = rows.filter((_, i) => i !== at);
    const reduce = (r: bigint[]) => {
      if (r[j] === 0n) return r;
      const f = r[j]!;
      const out = r.map((v, c) => v * pivot[j]! - f * pivot[c]!);
      const g = out.reduce((a, v) => gcd(a, v), 0n) || 1n;
      return out.map((v) => v / g);
    };
    rows = rows.map(reduce);
    for (const p of pivots) p.row = reduce(p.row);
    pivots.push({ col: j, row: pivot });
  }
  return pivots.filter((p) => p.row.filter((v) => v !== 0n).length === 1).map((p) => cols[p.col]!);
}

/** Cells an equation with exactly one unknown gives back by subtraction: key and recovered value. */
export function bySubtraction(equations: readonly Equation[], seen: ReadonlyMap<string, number | null>): Map<string, number> {
  const value = (k: string) => seen.get(k) ?? 0; // a cell never shown is a zero (no enrolled, no row)
  const recovered = new Map<string, number>();
  for (const eq of equations) {
    const unknown = [eq.total, ...eq.parts].filter((k) => seen.get(k) === null);
    if (unknown.length !== 1) continue;
    const [k] = unknown as [string];
    const parts = eq.parts.reduce((s, p) => s + (p === k ? 0 : value(p)), 0);
    recovered.set(k, k === eq.total ? parts : value(eq.total) - parts);
  }
  return recovered;
}
