import { hash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";

/** Hash of a high-entropy secret (client secret, access token, authorization code): SHA-256, hex. */
export function hashSecret(secret: string): string {
  // the one-shot hash (Node >= 20.12): every API request hashes its bearer token, and createHash costs 3x more
  return hash("sha256", secret, "hex");
}

/** Constant-time comparison of a secret against its stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A new client secret (256 bits, base64url). */
export function newClientSecret(): string {
  return `lsec_${randomBytes(32).toString("base64url")}`;
}

/** A new opaque access token (256 bits, base64url). */
export function newAccessToken(): string {
  return `ltok_${randomBytes(32).toString("base64url")}`;
}

/** A new authorization code: a UUID, as Finch's are. */
export function newAuthorizationCode(): string {
  return randomUUID();
}
