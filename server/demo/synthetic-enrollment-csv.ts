import { closeSync, openSync, writeSync } from "node:fs";

const SECTORS = ["petani", "peternak", "nelayan"];
const FUNDING = ["DBHCHT", "DBHCHT", "DBHCHT", "APBD", "mandiri"];

/**
 * Writes an enrollment CSV of `rows` synthetic workers (for benchmarks and tests): NIKs are
 * `3526` plus a 12-digit serial from `firstSerial`, spread over `villageCodes`. Written in chunks,
 * so a million rows never sit in memory.
 */
export function writeSyntheticEnrollmentCsv(path: string, rows: number, villageCodes: string[], firstSerial = 0): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, "nik,name,village_code,sector,programs,start_date,end_date,status,funding_source\n");
    const CHUNK = 10_000;
    for (let start = 0; start < rows; start += CHUNK) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(rows, start + CHUNK); i++) {
        const serial = firstSerial + i;
        const nik = `3526${String(serial).padStart(12, "0")}`;
        const month = String(((serial % 24) % 12) + 1).padStart(2, "0");
        const year = 2024 + Math.floor((serial % 24) / 12);
        const ended = serial % 10 === 0;
        lines.push(
          `${nik},Pekerja ${serial},${villageCodes[serial % villageCodes.length]},${SECTORS[serial % 3]},JKK+JKM,${year}-${month}-01,` +
            `${ended ? "2025-12-31" : ""},${ended ? "nonaktif" : "aktif"},${FUNDING[serial % FUNDING.length]}`,
        );
      }
      writeSync(fd, `${lines.join("\n")}\n`);
    }
  } finally {
    closeSync(fd);
  }
}
