import type { Sql } from "../db/sql.ts";
import { hashNik } from "./nik.ts";

/** What identifies a key without revealing it: its HMAC of a fixed label (never 16 digits, so never a NIK's hash). */
export const nikKeyFingerprint = (key: string): string => hashNik(key, "cakupan:nik-key-fingerprint");

/** The database's NIKs were hashed with another key than this process has. */
export class NikKeyMismatch extends Error {
  constructor(recorded: string, given: string) {
    super(
      `This database's NIKs were hashed with another key (fingerprint ${recorded.slice(0, 12)}, this process has ${given.slice(0, 12)}): ` +
        "set NIK_HASH_KEY to the key of the first import (or keep the nik-hash.key file it made), else the same workers would be counted twice.",
    );
  }
}

/** Refuses (NikKeyMismatch) when the database has recorded another key's fingerprint; a database with none passes. */
export async function checkNikKey(sql: Sql, key: string): Promise<void> {
  const [row] = await sql.query<{ fingerprint: string }>(`SELECT fingerprint FROM nik_key WHERE id = 1`);
  const given = nikKeyFingerprint(key);
  if (row && row.fingerprint !== given) throw new NikKeyMismatch(row.fingerprint, given);
}

/** Before NIK hashes are written (in their transaction): records this key's fingerprint if none is, else checks it. */
export async function claimNikKey(tx: Sql, key: string): Promise<void> {
  await tx.query(`INSERT INTO nik_key (id, fingerprint) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [nikKeyFingerprint(key)]);
  await checkNikKey(tx, key);
}
