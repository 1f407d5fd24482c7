// Passwords (argon2id, @node-rs/argon2) and random tokens (stored as SHA-256: they are long and random,
// so a fast hash is enough and lets a token be looked up by its hash).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (m=19456 KiB, t=2, p=1: OWASP's minimum). */
export const hashPassword = (password: string): Promise<string> => hash(password);

// Verified when the login is unknown (or has no password), so both answers take as long.
const DUMMY_HASH = hash("no such user: the same work as a real check");

/** Whether `password` matches `stored`; with no stored hash, does the same work and says no. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    await verify(await DUMMY_HASH, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

export const MIN_PASSWORD_LENGTH = 10;

/** A new secret: `prefix` + 32 random bytes, base64url. */
export const newToken = (prefix: string): string => `${prefix}${randomBytes(32).toString("base64url")}`;

export const tokenHash = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Equal strings, in time that does not depend on where they differ (digests of equal length). */
export const sameSecret = (a: string, b: string): boolean =>
  timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
