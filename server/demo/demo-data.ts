import { randomBeta, randomLcg, randomLogNormal } from "d3-random";
import { CALIBRATION, type DemoSector } from "./demo-calibration.ts";

export interface DemoVillage {
  code: string;
  areaKm2: number;
  coastal: boolean;
  /** Kelurahan (urban ward; code 1xxx): few farmers. */
  urban: boolean;
}

export interface DemoWorkforce {
  villageCode: string;
  sectorCode: DemoSector;
  workers: number;
}

export interface DemoEnrollment {
  nik: string;
  villageCode: string;
  sectorCode: DemoSector;
  startDate: string;
  /** End of the term paid for (ACTIVE), or the day the coverage lapsed (ENDED). */
  endDate: string;
  status: "ACTIVE" | "ENDED";
  fundingSource: "DBHCHT" | "APBD" | "SELF" | "OTHER";
  /** Enrolled at the September 2025 socialization. */
  atSocialization: boolean;
}

/** Splits `total` over `weights` in whole numbers that add up exactly (largest remainder). */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i]).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]++;
  }
  return out;
}

/** The month (YYYY-MM) `n` months after `month`. */
const addMonths = (month: string, n: number): string => {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + m - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
};

const months = (from: string, to: string): string[] => {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m === 12 ? ((y += 1), (m = 1)) : (m += 1);
  }
  return out;
};

/** Deterministic synthetic workforce and enrollments for a regency's villages, calibrated to CALIBRATION. */
export function generateDemoWorkers(villages: DemoVillage[], seed: number, socializationDistrict: string) {
  const rng = randomLcg((Math.abs(seed) * 0.6180339887 + 0.1) % 1);
  const logNormal = randomLogNormal.source(rng)(0, 0.6);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)];
  const day = () => String(1 + Math.floor(rng() * 28)).padStart(2, "0");
  const periods = months(CALIBRATION.firstPeriod, CALIBRATION.latestPeriod);
  const growth = periods.slice(1).map((_, i) => 1 + i / 6); // later months enrol more
  const cumulative = growth.map(
    (
      (s) => (g: number) =>
        (s += g)
    )(0),
  );
  const laterMonth = () => {
    const r = rng() * cumulative[cumulative.length - 1];
    return periods[1 + cumulative.findIndex((c) => c >= r)];
  };
  const fundingTable = Object.entries(CALIBRATION.funding) as [DemoEnrollment["fundingSource"], number][];
  const funding = () => {
    let r = rng();
    for (const [k, share] of fundingTable) if ((r -= share) < 0) return k;
    return "DBHCHT" as const;
  };
  const term = CALIBRATION.renewal.termMonths;
  let serial = 0;
  const nik = () => `3526${String(100000000000 + serial++ * 7919 + Math.floor(rng() * 7919)).slice(-12)}`;

  const workforce: DemoWorkforce[] = [];
  const enrollments: DemoEnrollment[] = [];
  for (const [sector, spec] of Object.entries(CALIBRATION.sectors) as [DemoSector, (typeof CALIBRATION.sectors)[DemoSector]][]) {
    const weights = villages.map((v) => {
      if (sector === "FISHER") return v.coastal ? logNormal() : 0;
      const base = v.areaKm2 * logNormal();
      return sector === "FARMER" && v.urban ? base * 0.15 : base;
    });
    const counts = allocate(spec.workforce, weights);
    const rate = randomBeta.source(rng)(spec.meanCoverage * spec.spread, (1 - spec.meanCoverage) * spec.spread);
    villages.forEach((v, i) => {
      const workers = counts[i];
      if (workers === 0 && weights[i] === 0) return;
      workforce.push({ villageCode: v.code, sectorCode: sector, workers });
      const enrolled = Math.round(workers * rate());
      const atSocialization = v.code.startsWith(socializationDistrict);
      for (let k = 0; k < enrolled; k++) {
        const initial = rng() < CALIBRATION.initialShare;
        const month = initial ? periods[0] : laterMonth();
        const social = atSocialization && month === CALIBRATION.latestPeriod && rng() < 0.7;
        const startDay = social ? pick(["25", "26", "29", "30"]) : day();
        const fundingSource = funding();
        // Terms of 12 months from the start; today's enrollees renewed every term end so far.
        const age = periods.length - 1 - periods.indexOf(month);
        const termsPaid = Math.floor(age / term) + 1;
        enrollments.push({
          nik: nik(),
          villageCode: v.code,
          sectorCode: sector,
          startDate: `${month}-${startDay}`,
          endDate: `${addMonths(month, termsPaid * term)}-${startDay}`,
          status: "ACTIVE",
          fundingSource,
          atSocialization: social,
        });
        // For each renewal, a worker enrolled the same month who let the term lapse, at the assumed renewal rate.
        const r = CALIBRATION.renewal.rate[fundingSource];
        for (let t = 1; t < termsPaid; t++) {
          if (rng() >= (1 - r) / r) continue;
          const lapsedDay = day();
          enrollments.push({
            nik: nik(),
            villageCode: v.code,
            sectorCode: sector,
            startDate: `${month}-${lapsedDay}`,
            endDate: `${addMonths(month, t * term)}-${lapsedDay}`,
            status: "ENDED",
            fundingSource,
            atSocialization: false,
          });
        }
      }
    });
  }
  return { workforce, enrollments };
}
