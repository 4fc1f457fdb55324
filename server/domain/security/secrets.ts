import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";

/** Hash of a high-entropy secret (client secret, access token, authorization code): SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
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
