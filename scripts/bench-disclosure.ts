// `npm run bench:disclosure [-- --villages N --small S]`: the disclosure rule (server/disclosure/rule.ts)
// on a synthetic nation of N villages (default 80,000) x 3 sectors, a share S of the cells (default
// 0.15) holding 1 to 4 enrolled: how long one month's suppression pattern takes (the app computes
// it once per data version, month and minimum cell size). A benchmark, not a test.
import { parseArgs } from "node:util";
import { cellsFromVillages, suppressionPattern } from "../server/disclosure/rule.ts";
import { SECTORS } from "../domain/vocabulary.ts";

const { values } = parseArgs({ options: { villages: { type: "string", default: "80000" }, small: { type: "string", default: "0.15" } } });
const villages = Number(values.villages);
const small = Number(values.small);
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
const pad = (n: number) => String(n).padStart(2, "0");
const rows = [];
// 34 provinces x 15 regencies x 12 districts x n villages each.
const perDistrict = Math.max(1, Math.round(villages / (34 * 15 * 12)));
for (let p = 11; p < 45; p++)
  for (let g = 1; g <= 15; g++)
    for (let d = 1; d <= 12; d++)
      for (let v = 1; v <= perDistrict; v++)
        for (const sector of SECTORS) {
          const x = random();
          const enrolled = x < 0.3 ? 0 : x < 0.3 + small ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 200);
          rows.push({ code: `${p}.${pad(g)}.${pad(d)}.${1000 + v}`, sector, enrolled });
        }
let t = performance.now();
const cells = cellsFromVillages(rows);
const summed = performance.now() - t;
t = performance.now();
const hidden = suppressionPattern(cells, 5);
const patterned = performance.now() - t;
console.log(
  `${rows.length} village x sector cells, ${cells.size} cells in all: summed in ${summed.toFixed(0)} ms; ` +
    `${hidden.size} suppressed in ${patterned.toFixed(0)} ms`,
);
