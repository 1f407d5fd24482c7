/**
 * The disclosure rule, once: which coverage cells (region x sector, one month) are published.
 *
 * A cell is a region (or the nation, code "") and a sector (null: all sectors together); its value
 * is the number of workers enrolled (uncovered = workforce - enrolled is derived from it, so it goes
 * with it). Published figures are tied by equations: a parent region's cell is the sum of its
 * children's (per sector and for all sectors), and a region's all-sector cell is the sum of its
 * sector cells.
 *
 * - Primary suppression: a count of 1 to minCellSize - 1 is suppressed. Zero is published: a true
 *   zero names nobody, and suppressing it would make every empty village look like a small one.
 * - Complementary suppression: wherever an equation would give a suppressed cell back by
 *   subtraction (exactly one suppressed member), the smallest published sibling is suppressed too
 *   (the smallest with enrolled workers first; the total itself when there is no sibling).
 * - Then an exact check: Gaussian elimination over every equation, with the suppressed cells as
 *   the unknowns, finds any suppressed cell still determined by a combination of equations; a
 *   sibling of it is suppressed and the whole is checked again, until nothing is determined.
 */
import { parentOfCode } from "../../domain/region-code.ts";
import { SECTORS, type Sector } from "../../domain/vocabulary.ts";
import { append } from "../common/collections.ts";

export interface Cell {
  /** Region code; "" for the nation. */
  code: string;
  /** Null: all sectors together. */
  sector: Sector | null;
  enrolled: number;
}

/** A published equation: total = sum of parts (cell keys). */
export interface Equation {
  total: string;
  parts: string[];
}

export const cellKey = (code: string, sector: Sector | null): string => `${code}|${sector ?? "ALL"}`;

/** Village x sector counts, summed up the hierarchy (district, regency, province, nation) and over sectors. */
export function cellsFromVillages(rows: readonly { code: string; sector: Sector; enrolled: number }[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const add = (code: string, sector: Sector | null, n: number) => {
    const key = cellKey(code, sector);
    const cell = cells.get(key);
    if (cell) cell.enrolled += n;
    else cells.set(key, { code, sector, enrolled: n });
  };
  for (const r of rows) {
    for (let code: string | null = r.code; code !== null; code = parentOfCode(code)) {
      add(code, r.sector, r.enrolled);
      add(code, null, r.enrolled);
    }
    add("", r.sector, r.enrolled);
    add("", null, r.enrolled);
  }
  return cells;
}

/** The parent of a code in the equations: the region above, the nation ("") above a province. */
const parentInEquations = (code: string): string | null => (code === "" ? null : (parentOfCode(code) ?? ""));

/** Every equation tying the cells: parent = sum of children (per sector option), all sectors = sum of sectors. */
export function equationsOf(cells: ReadonlyMap<string, Cell>): Equation[] {
  const children = new Map<string, string[]>();
  const regions = new Set<string>();
  for (const cell of cells.values()) {
    regions.add(cell.code);
    const parent = parentInEquations(cell.code);
    if (parent === null) continue;
    const key = cellKey(parent, cell.sector);
    const list = children.get(key);
    if (list) list.push(cellKey(cell.code, cell.sector));
    else children.set(key, [cellKey(cell.code, cell.sector)]);
  }
  const equations: Equation[] = [...children].map(([total, parts]) => ({ total, parts }));
  for (const code of regions) {
    const parts = SECTORS.map((s) => cellKey(code, s)).filter((k) => cells.has(k));
    equations.push({ total: cellKey(code, null), parts });
  }
  return equations;
}

export interface PatternOptions {
  /** Off only to watch the attacker tests fail (break-checks): primary suppression alone. */
  complementary?: boolean;
}

/** The keys of the suppressed cells. minCellSize 1 suppresses nothing. */
export function suppressionPattern(cells: ReadonlyMap<string, Cell>, minCellSize: number, options: PatternOptions = {}): Set<string> {
  return patternOver(cells, equationsOf(cells), minCellSize, options);
}

/** A count to publish, as the rule sees it (`enrolled`: whatever the count counts). */
export type Count = Pick<Cell, "enrolled">;

/**
 * Counts that are not region x sector cells (sessions, lapses, payers) and the published sums
 * over them: each group is a total cell equal to the sum of its leaves.
 */
export function groupedCells(leaves: readonly { key: string; count: number; groups: readonly string[] }[]): {
  cells: Map<string, Count>;
  equations: Equation[];
} {
  const cells = new Map<string, Count>();
  const parts = new Map<string, string[]>();
  for (const leaf of leaves) {
    cells.set(leaf.key, { enrolled: leaf.count });
    for (const g of leaf.groups) {
      const total = cells.get(g) ?? { enrolled: 0 };
      total.enrolled += leaf.count;
      cells.set(g, total);
      const list = parts.get(g);
      if (list) list.push(leaf.key);
      else parts.set(g, [leaf.key]);
    }
  }
  return { cells, equations: [...parts].map(([total, p]) => ({ total, parts: p })) };
}

/**
 * The rule over any published equations: primary suppression of the counts 1 to minCellSize - 1
 * (and of the `seed` cells, suppressed elsewhere), then complementary suppression and the exact
 * check. The keys of the suppressed cells.
 */
export function patternOver(
  cells: ReadonlyMap<string, Count>,
  equations: readonly Equation[],
  minCellSize: number,
  options: PatternOptions = {},
  seed: Iterable<string> = [],
): Set<string> {
  const suppressed = new Set<string>(seed);
  for (const [key, cell] of cells) if (cell.enrolled > 0 && cell.enrolled < minCellSize) suppressed.add(key);
  if (suppressed.size === 0 || options.complementary === false) return suppressed;
  const byCell = new Map<string, Equation[]>();
  for (const eq of equations) for (const k of [eq.total, ...eq.parts]) append(byCell, k, eq);
  const enrolled = (k: string) => cells.get(k)?.enrolled ?? 0;
  /** Smallest with enrolled workers first (a zero protects little), then by key for a stable pattern. */
  const smallest = (keys: string[]): string | undefined =>
    keys.filter((k) => !suppressed.has(k)).sort((a, b) => (enrolled(a) || Infinity) - (enrolled(b) || Infinity) || (a < b ? -1 : 1))[0];

  // Equations to look at again: all at first, then those holding a cell just suppressed.
  let first = true;
  let pending = new Set(equations);
  /** Cells suppressed since the last elimination: only their groups of equations need it again. */
  let fresh: string[] = [];
  const hide = (key: string) => {
    suppressed.add(key);
    fresh.push(key);
    for (const eq of byCell.get(key) ?? []) pending.add(eq);
  };
  for (;;) {
    // Single subtractions: an equation with exactly one suppressed member gives it back.
    while (pending.size) {
      const batch = pending;
      pending = new Set();
      for (const eq of batch) {
        const hidden = [eq.total, ...eq.parts].filter((k) => suppressed.has(k));
        if (hidden.length === 1) hide(smallest(eq.parts) ?? eq.total);
      }
    }
    // Combinations of equations: suppress a sibling of each cell still determined.
    const determined = determinedCells(first ? equations : linkedEquations(fresh, byCell, suppressed), suppressed);
    first = false;
    fresh = [];
    if (determined.length === 0) return suppressed;
    for (const key of determined) {
      const extra = siblingToSuppress(key, byCell, suppressed, smallest);
      if (extra === undefined) throw new Error(`disclosure: no cell left to protect ${key}`);
      hide(extra);
    }
  }
}

/** The equations tied to these cells through suppressed cells: all that an elimination about them needs. */
function linkedEquations(cells: readonly string[], byCell: ReadonlyMap<string, Equation[]>, suppressed: ReadonlySet<string>): Equation[] {
  const seen = new Set<string>(cells);
  const found = new Set<Equation>();
  const queue = [...cells];
  for (let k = queue.pop(); k !== undefined; k = queue.pop()) {
    for (const eq of byCell.get(k) ?? []) {
      if (found.has(eq)) continue;
      found.add(eq);
      for (const m of [eq.total, ...eq.parts]) if (suppressed.has(m) && !seen.has(m)) (seen.add(m), queue.push(m));
    }
  }
  return [...found];
}

/** The smallest published member of an equation holding the cell, or of the equations next to it. */
function siblingToSuppress(
  key: string,
  byCell: ReadonlyMap<string, Equation[]>,
  suppressed: ReadonlySet<string>,
  smallest: (keys: string[]) => string | undefined,
): string | undefined {
  const seen = new Set([key]);
  let frontier = [key];
  while (frontier.length) {
    const next: string[] = [];
    for (const k of frontier) {
      for (const eq of byCell.get(k) ?? []) {
        const pick = smallest(eq.parts) ?? (suppressed.has(eq.total) ? undefined : eq.total);
        if (pick !== undefined) return pick;
        for (const m of [eq.total, ...eq.parts]) if (!seen.has(m)) (seen.add(m), next.push(m));
      }
    }
    frontier = next;
  }
  return undefined;
}

/**
 * Suppressed cells that the published equations determine: Gauss-Jordan elimination over the
 * equations restricted to the suppressed cells (the published ones are known constants); a
 * cell is determined when its unit vector lies in the row space, i.e. its pivot row has no other
 * entry. Coefficients are small integers and fractions of them; 1e-9 separates zero.
 */
export function determinedCells(equations: readonly Equation[], suppressed: ReadonlySet<string>): string[] {
  const column = new Map<string, number>();
  const keys: string[] = [];
  const rows: Map<number, number>[] = [];
  for (const eq of equations) {
    const row = new Map<number, number>();
    const put = (k: string, c: number) => {
      if (!suppressed.has(k)) return;
      let j = column.get(k);
      if (j === undefined) ((j = keys.length), column.set(k, j), keys.push(k));
      row.set(j, (row.get(j) ?? 0) + c);
    };
    put(eq.total, -1);
    for (const p of eq.parts) put(p, 1);
    if (row.size) rows.push(row);
  }
  // Unknowns sharing no equation, even through others, are independent: eliminate each group apart (a district's cells, mostly).
  const group = keys.map((_, j) => j);
  const find = (j: number): number => (group[j] === j ? j : (group[j] = find(group[j]!)));
  for (const row of rows) {
    const [first, ...rest] = [...row.keys()];
    for (const j of rest) group[find(j)] = find(first!);
  }
  const byGroup = new Map<number, Map<number, number>[]>();
  for (const row of rows) {
    const g = find(row.keys().next().value!);
    const list = byGroup.get(g);
    if (list) list.push(row);
    else byGroup.set(g, [row]);
  }
  return [...byGroup.values()].flatMap((groupRows) => eliminate(groupRows).map((j) => keys[j]!));
}

/** Gauss-Jordan over sparse rows (column -> coefficient); the columns whose pivot row has no other entry. */
function eliminate(rows: Map<number, number>[]): number[] {
  const columns = [...new Set(rows.flatMap((r) => [...r.keys()]))].sort((a, b) => a - b);
  const pivotRow = new Map<number, Map<number, number>>();
  let free = rows;
  for (const j of columns) {
    const at = free.findIndex((r) => Math.abs(r.get(j) ?? 0) > 1e-9);
    if (at < 0) continue;
    const pivot = free[at]!;
    free = free.filter((_, i) => i !== at);
    const scale = pivot.get(j)!;
    for (const [c, v] of pivot) pivot.set(c, v / scale);
    for (const r of [...free, ...pivotRow.values()]) {
      const f = r.get(j);
      if (f === undefined) continue;
      for (const [c, v] of pivot) {
        const x = (r.get(c) ?? 0) - f * v;
        if (Math.abs(x) > 1e-9) r.set(c, x);
        else r.delete(c);
      }
    }
    pivotRow.set(j, pivot);
  }
  return [...pivotRow].filter(([, r]) => r.size === 1).map(([j]) => j);
}
