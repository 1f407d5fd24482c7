import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** A 16-digit Indonesian national ID (NIK). Never stored, logged or echoed in clear. */
export const isNik = (v: string) => /^\d{16}$/.test(v);

/** The only form in which a NIK is kept: HMAC-SHA256 under the deployment's secret key. */
export const hashNik = (key: string, nik: string): string => createHmac("sha256", key).update(nik).digest("hex");

/** Shows a NIK-like value in a message without revealing it: length and last two digits. */
export const maskedNik = (v: string): string => (v.length <= 4 ? "*".repeat(v.length) : `${"*".repeat(v.length - 2)}${v.slice(-2)}`);

/** NIK_HASH_KEY when set; else a random key created once and kept in `file` (mode 0600). */
export function resolveNikKey(configured: string | undefined, file: string): string {
  if (configured) return configured;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32).toString("hex");
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
