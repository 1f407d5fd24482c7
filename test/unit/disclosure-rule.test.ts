// The disclosure rule (server/disclosure/rule.ts): primary suppression, complementary suppression
// across the hierarchy and the sectors, and an exact proof (fraction-free Gaussian elimination in
// BigInt, written here apart from the rule's own floating-point check) that no suppressed cell is
// determined by the published equations.
import { describe, expect, it } from "vitest";
import { cellKey, cellsFromVillages, determinedCells, suppressionPattern, type Cell } from "../../server/disclosure/rule.ts";
import { SECTORS, type Sector } from "../../domain/vocabulary.ts";
import { equationsFrom, exactlyDetermined } from "../support/disclosure-attack.ts";

type Row = { code: string; sector: Sector; enrolled: number };

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomRegion(seed: number): Row[] {
  const r = random(seed);
  const rows: Row[] = [];
  const regencies = 1 + Math.floor(r() * 2);
  for (let g = 1; g <= regencies; g++) {
    const districts = 1 + Math.floor(r() * 3);
    for (let d = 1; d <= districts; d++) {
      const villages = 1 + Math.floor(r() * 5);
      for (let v = 1; v <= villages; v++) {
        for (const sector of SECTORS) {
          const x = r();
          const enrolled = x < 0.25 ? 0 : x < 0.6 ? 1 + Math.floor(r() * 4) : 5 + Math.floor(r() * 50);
          rows.push({ code: `35.0${g}.0${d}.100${v}`, sector, enrolled });
        }
      }
    }
  }
  return rows;
}

const farmers = (counts: Record<string, number>): Row[] =>
  Object.entries(counts).map(([code, enrolled]) => ({ code, sector: "FARMER", enrolled }));

/** Villages' counts of farmers, livestock keepers and fishers, in that order. */
const bySector = (counts: Record<string, [number, number, number]>): Row[] =>
  Object.entries(counts).flatMap(([code, n]) => SECTORS.map((sector, i) => ({ code, sector, enrolled: n[i]! })));

const pattern = (rows: Row[], min = 5, complementary = true) => suppressionPattern(cellsFromVillages(rows), min, { complementary });

describe("primary suppression", () => {
  const rows = bySector({ "35.26.01.1001": [0, 1, 4], "35.26.01.1002": [5, 40, 60] });

  it("suppresses counts of 1 to minCellSize - 1, publishes 0 and minCellSize", () => {
    const hidden = pattern(rows, 5, false);
    expect(hidden.has(cellKey("35.26.01.1001", "LIVESTOCK"))).toBe(true);
    expect(hidden.has(cellKey("35.26.01.1001", "FISHER"))).toBe(true);
    expect(hidden.has(cellKey("35.26.01.1001", "FARMER"))).toBe(false);
    expect(hidden.has(cellKey("35.26.01.1002", "FARMER"))).toBe(false);
    // The village's all-sector count is 5: published.
    expect(hidden.has(cellKey("35.26.01.1001", null))).toBe(false);
  });

  it("suppresses nothing with minCellSize 1", () => {
    expect(pattern(rows, 1).size).toBe(0);
  });
});

describe("complementary suppression", () => {
  it("suppresses the next smallest sibling in the hierarchy", () => {
    const rows = farmers({ "35.26.01.1001": 3, "35.26.01.1002": 10, "35.26.01.1003": 12, "35.26.01.1004": 20 });
    const hidden = pattern(rows);
    expect(hidden.has(cellKey("35.26.01.1001", "FARMER"))).toBe(true);
    expect(hidden.has(cellKey("35.26.01.1002", "FARMER"))).toBe(true); // 10: the next smallest
    expect(hidden.has(cellKey("35.26.01.1003", "FARMER"))).toBe(false);
    expect(hidden.has(cellKey("35.26.01", "FARMER"))).toBe(false);
    expect(exactlyDetermined(equationsFrom(rows), hidden)).toEqual([]);
  });

  it("suppresses the parent of an only child, and protects the parent in turn", () => {
    const rows = farmers({ "35.26.01.1001": 3, "35.26.02.1001": 30, "35.26.02.1002": 31 });
    const hidden = pattern(rows);
    expect(hidden.has(cellKey("35.26.01", "FARMER"))).toBe(true);
    expect(exactlyDetermined(equationsFrom(rows), hidden)).toEqual([]);
  });

  it("suppresses across sectors: the all-sector figure minus the other sectors", () => {
    const rows = bySector({ "35.26.01.1001": [30, 2, 40], "35.26.01.1002": [50, 20, 45] });
    const hidden = pattern(rows);
    expect(hidden.has(cellKey("35.26.01.1001", "LIVESTOCK"))).toBe(true);
    expect(hidden.has(cellKey("35.26.01.1001", "FARMER"))).toBe(true); // 30: the smallest other sector
    expect(exactlyDetermined(equationsFrom(rows), hidden)).toEqual([]);
    // Primary suppression alone gives the livestock count back: all sectors (72) - farmers - fishers.
    expect(exactlyDetermined(equationsFrom(rows), pattern(rows, 5, false))).toContain(cellKey("35.26.01.1001", "LIVESTOCK"));
  });

  it("leaves no suppressed cell determined in random regions (exact elimination), and hides every small count", () => {
    let broken = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rows = randomRegion(seed);
      const hidden = pattern(rows);
      for (const r of rows) if (r.enrolled > 0 && r.enrolled < 5) expect(hidden.has(cellKey(r.code, r.sector))).toBe(true);
      expect(exactlyDetermined(equationsFrom(rows), hidden), `seed ${seed}`).toEqual([]);
      if (exactlyDetermined(equationsFrom(rows), pattern(rows, 5, false)).length > 0) broken++;
    }
    // Without complementary suppression most of these regions give small counts back.
    expect(broken).toBeGreaterThan(30);
  });
});

describe("the exact check", () => {
  it("protects a cell that no single equation gives back but a combination does (a bridge between two rectangles)", () => {
    // District 35.26.01: a rectangle of small cells (villages 1001, 1002 x farmers, livestock), another
    // (village 1003 and the district x fishers, all sectors), and village 1001's fishers joining them.
    // Every equation holds 0 or at least 2 of them, yet the equations together give 1001's fishers back.
    const small = [
      "1001|FARMER",
      "1001|LIVESTOCK",
      "1002|FARMER",
      "1002|LIVESTOCK",
      "1003|FISHER",
      "1003|ALL",
      "D|FISHER",
      "D|ALL",
      "1001|FISHER",
    ];
    const villages = ["35.26.01.1001", "35.26.01.1002", "35.26.01.1003", "35.26.02.1001", "35.26.02.1002"];
    const cells = new Map<string, Cell>();
    for (const code of [...villages, "35.26.01", "35.26.02", "35.26", "35", ""]) {
      for (const sector of [...SECTORS, null]) {
        const short = code === "35.26.01" ? "D" : code.slice(9);
        const mine = code.startsWith("35.26.01") && small.includes(`${short}|${sector ?? "ALL"}`);
        cells.set(cellKey(code, sector), { code, sector, enrolled: mine ? 2 : 50 });
      }
    }
    const hidden = suppressionPattern(cells, 5);
    expect(exactlyDetermined(equationsFrom(villages.map((code) => ({ code }))), hidden)).toEqual([]);
    // Switching the rule's elimination step off (a break-check) leaves 1001's fishers determined here.
    expect(hidden.has(cellKey("35.26.01.1001", "FISHER"))).toBe(true);
  });
});

describe("determinedCells", () => {
  it("finds a cell given back by a combination of equations, and agrees with the exact check", () => {
    // a + b = T1 (published), b + c = T2 (published), a + c = T3 (published): three equations, three unknowns.
    const equations = [
      { total: "T1", parts: ["a", "b"] },
      { total: "T2", parts: ["b", "c"] },
      { total: "T3", parts: ["a", "c"] },
    ];
    expect(determinedCells(equations, new Set(["a", "b", "c"])).sort()).toEqual(["a", "b", "c"]);
    expect(exactlyDetermined(equations, new Set(["a", "b", "c"]))).toEqual(["a", "b", "c"]);
    // With T3 hidden too, a + b and b + c do not pin any one of them.
    expect(determinedCells(equations, new Set(["a", "b", "c", "T3"]))).toEqual([]);
    expect(exactlyDetermined(equations, new Set(["a", "b", "c", "T3"]))).toEqual([]);
  });
});
