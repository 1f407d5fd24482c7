import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * What the importer strips from a NIK before checking it, so "3526.0101.9900.0004",
 * "3526 0101 9900 0004" and "3526-0101-9900-0004" are NIKs; `maskNik` joins digits across the same.
 */
export const normalizeNik = (v: string): string => v.replace(/[\s.-]+/g, "");

/** A 16-digit Indonesian national ID (NIK), normalized. Never stored, logged or echoed in clear. */
export const isNik = (v: string) => /^\d{16}$/.test(v);

/** The only form in which a NIK is kept: HMAC-SHA256 under the deployment's secret key. */
export const hashNik = (key: string, nik: string): string => createHmac("sha256", key).update(nik).digest("hex");

/** A run of digits joined by what `normalizeNik` strips (no word boundary needed: "NIK3526..." is caught too). */
const DIGIT_RUN = /\d(?:[\s.-]*\d)*/g;

/**
 * The one NIK mask, for every output (log lines, CLI, GraphQL errors and their problems): every
 * digit of a run holding at least `digits` digits becomes `*`, in any form the importer accepts,
 * whatever surrounds it. Separators stay, so the text keeps its shape. A value known to be secret
 * (the nik column's) is masked whole with `digits` = 1.
 */
export function maskNik(text: string, digits = 16): string {
  return text.replace(DIGIT_RUN, (run) => (run.replace(/\D+/g, "").length >= digits ? run.replace(/\d/g, "*") : run));
}

/**
 * `maskNik` through every string of a value (objects, arrays, errors' own fields), for structured
 * output; `then` runs on each string after the mask (the logger shortens long ones there).
 */
export function maskNikDeep(value: unknown, then: (text: string) => string = (t) => t, depth = 0): unknown {
  if (typeof value === "string") return then(maskNik(value));
  if (value instanceof Error) return maskError(value, then, depth);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => maskNikDeep(v, then, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskNikDeep(v, then, depth + 1)]));
}

/** The same error (its class kept, for pino's serializer) with its message, stack and details masked. */
function maskError(e: Error, then: (text: string) => string, depth: number): Error {
  const masked = Object.create(Object.getPrototypeOf(e)) as Error;
  for (const [k, v] of Object.entries(e)) (masked as unknown as Record<string, unknown>)[k] = maskNikDeep(v, then, depth + 1);
  masked.message = then(maskNik(e.message));
  masked.stack = then(maskNik(e.stack ?? ""));
  return masked;
}

/** NIK_HASH_KEY when set; else a random key created once and kept in `file` (mode 0600). */
export function resolveNikKey(configured: string | undefined, file: string): string {
  if (configured) return configured;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32).toString("hex");
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
