import { hashNik, isNik, maskNik, normalizeNik } from "../common/nik.ts";
import { claimNikKey } from "../common/nik-key.ts";
import type { Sql } from "../db/sql.ts";
import { columnsOf, type RowImporter } from "./csv-import.service.ts";
import { type FundingSource, parseFunding, parsePrograms, parseSector, parseStatus } from "./normalize.ts";
import { parseDate } from "../common/text.ts";
import { VillageLookup } from "./village-lookup.ts";
import { RowCheck, VILLAGE_COLUMNS } from "./row-check.ts";
import { ENROLLMENT_BROKEN_REFERENCES, WRITE_ENROLLMENTS } from "./imports.sql.ts";

const DATE_REASON = "is not a date (YYYY-MM-DD or DD/MM/YYYY)";

export interface EnrollmentRecord {
  nikHash: string;
  villageCode: string;
  sectorCode: string;
  jkk: boolean;
  jkm: boolean;
  startDate: string;
  endDate: string | null;
  status: "ACTIVE" | "ENDED";
  fundingSource: FundingSource;
  sessionId?: number | null;
}

export async function writeEnrollments(tx: Sql, batch: EnrollmentRecord[]): Promise<void> {
  await tx.query(
    WRITE_ENROLLMENTS,
    columnsOf(batch, [
      "nikHash",
      "villageCode",
      "sectorCode",
      "jkk",
      "jkm",
      "startDate",
      "endDate",
      "status",
      "fundingSource",
      "sessionId",
    ]),
  );
}

/** Enrollment CSV (BPJS Ketenagakerjaan participant list). The name column is read past and never stored. */
export function enrollmentImporter(nikKey: string): RowImporter<EnrollmentRecord> {
  return {
    kind: "enrollments",
    aliases: {
      nik: ["no_ktp", "nomor_induk_kependudukan"],
      ...VILLAGE_COLUMNS,
      sector: ["sektor"],
      programs: ["program"],
      start_date: ["tanggal_mulai", "tgl_mulai"],
      end_date: ["tanggal_berakhir", "tgl_berakhir", "tanggal_selesai"],
      status: ["status_kepesertaan"],
      funding_source: ["sumber_dana", "pendanaan"],
    },
    required: ["nik", "sector", "programs", "start_date", "status", "funding_source"],
    key: (r) => r.nikHash,
    begin: (tx) => claimNikKey(tx, nikKey),
    async prepare(sql) {
      const villages = await VillageLookup.load(sql);
      return (row) => {
        const check = new RowCheck(row);
        const nik = normalizeNik(row.get("nik"));
        if (!isNik(nik)) check.bad("nik", maskNik(row.get("nik"), 1), "must be exactly 16 digits");
        const village = check.village(villages);
        const sector = check.read("sector", parseSector, "is not a sector (petani/farmer, peternak/livestock, nelayan/fisher)");
        const programs = check.read("programs", parsePrograms, "must list JKK and/or JKM");
        const startDate = check.read("start_date", parseDate, DATE_REASON);
        const endText = row.get("end_date");
        const endDate = endText ? check.read("end_date", parseDate, DATE_REASON) : null;
        if (startDate && endDate && endDate < startDate) check.bad("end_date", endText, `is before start_date ${startDate}`);
        const status = check.read("status", parseStatus, "must be ACTIVE/aktif or ENDED/nonaktif");
        if (status === "ENDED" && !endText) check.bad("end_date", "", "is required when status is ENDED");
        const funding = check.read("funding_source", parseFunding, "must be DBHCHT, APBD, DANA_DESA, SELF/mandiri or OTHER/lainnya");
        if (!check.ok) return check.problems;
        return {
          nikHash: hashNik(nikKey, nik),
          villageCode: village!,
          sectorCode: sector!,
          ...programs!,
          startDate: startDate!,
          endDate,
          status: status!,
          fundingSource: funding!,
        };
      };
    },
    write: writeEnrollments,
    brokenReferences: ENROLLMENT_BROKEN_REFERENCES,
  };
}
