// The imports' SQL: batch writes, the set-based reference checks, the village lookup and the import log.

/** One worker per NIK: a NIK seen again (in this file or an earlier one) updates that worker. */
export const WRITE_ENROLLMENTS = `
INSERT INTO enrollment (nik_hash, village_code, sector_code, jkk, jkm, start_date, end_date, status, funding_source, session_id)
SELECT h, v, s, jkk, jkm, sd, ed, st::"EnrollmentStatus", fs::"FundingSource", sid
FROM unnest($1::text[], $2::text[], $3::text[], $4::bool[], $5::bool[], $6::date[], $7::date[], $8::text[], $9::text[], $10::int[])
  AS t(h, v, s, jkk, jkm, sd, ed, st, fs, sid)
ON CONFLICT (nik_hash) DO UPDATE SET
  village_code = EXCLUDED.village_code, sector_code = EXCLUDED.sector_code, jkk = EXCLUDED.jkk, jkm = EXCLUDED.jkm,
  start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, status = EXCLUDED.status,
  funding_source = EXCLUDED.funding_source, session_id = coalesce(EXCLUDED.session_id, enrollment.session_id)`;

export const WRITE_WORKFORCE = `
INSERT INTO workforce_estimate (village_code, sector_code, period, workers, source, estimated)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::bool[])
ON CONFLICT (village_code, sector_code, period) DO UPDATE
SET workers = EXCLUDED.workers, source = EXCLUDED.source, estimated = EXCLUDED.estimated`;

/** Rows whose village, sector or session is missing (run when row triggers were off for the load). */
export const ENROLLMENT_BROKEN_REFERENCES = `SELECT e.village_code, e.sector_code FROM enrollment e
      WHERE NOT EXISTS (SELECT 1 FROM region r WHERE r.code = e.village_code) OR NOT EXISTS (SELECT 1 FROM sector s WHERE s.code = e.sector_code)
         OR (e.session_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outreach_session o WHERE o.id = e.session_id)) LIMIT 5`;

export const WORKFORCE_BROKEN_REFERENCES = `SELECT w.village_code, w.sector_code FROM workforce_estimate w
    WHERE NOT EXISTS (SELECT 1 FROM region r WHERE r.code = w.village_code) OR NOT EXISTS (SELECT 1 FROM sector s WHERE s.code = w.sector_code) LIMIT 5`;

/** Every village with its district's name, for villages given by name. */
export const VILLAGES_WITH_DISTRICT = `SELECT v.code, v.name, d.name AS district FROM region v JOIN region d ON d.code = v.parent_code WHERE v.level = 'VILLAGE'`;

export const IS_SUPERUSER = `SELECT rolsuper AS su FROM pg_roles WHERE rolname = current_user`;
/** Row triggers off (replica) or on (origin) for the rest of the transaction. */
export const ROW_TRIGGERS_OFF = `SELECT set_config('session_replication_role', 'replica', true)`;
export const ROW_TRIGGERS_ON = `SELECT set_config('session_replication_role', 'origin', true)`;

/** $1 kind, $2 file hash: imported before? */
export const IMPORTED_BEFORE = `SELECT 1 FROM import_run WHERE kind = $1 AND file_hash = $2`;
export const RECORD_IMPORT = `INSERT INTO import_run (kind, file_hash, rows) VALUES ($1, $2, $3)`;
