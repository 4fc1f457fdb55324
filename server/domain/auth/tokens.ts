import { randomBytes } from "node:crypto";
import type { Cipher } from "../security/encryption.js";

/** Sign-out after this long without a request. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

/** Sign-out this long after sign-in, whatever the activity (also the cookie's Max-Age). */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

/** last_seen_at is written at most this often, so reads do not each cost a write. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

/** Prefix of operator API keys, so a leaked one is recognisable (and scannable). */
export const API_KEY_PREFIX = "lop_";

/** A new session token: 256 random bits, base64url. Only its SHA-256 is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The CSRF token of a session: derived from the session token, so it is never stored and can be given again. */
export function csrfTokenFor(cipher: Pick<Cipher, "sign">, sessionToken: string): string {
  return cipher.sign(`csrf:${sessionToken}`);
}

/** A new operator API key: `lop_` + 256 random bits, base64url. */
export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}
