import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/** AES-256-GCM with associated data: sensitive values at rest are bound to the row they belong to. */
export interface Cipher {
  /** Encrypt to `v1.<base64 iv‖tag‖ciphertext>`. */
  encrypt(plain: string, aad: string): string;
  /** Decrypt a value made by encrypt with the same aad; throws when tampered with. */
  decrypt(sealed: string, aad: string): string;
  /** HMAC-SHA256 (base64url) under a key derived from the master key: for capability links. */
  sign(message: string): string;
}

/** Build a cipher from a base64 32-byte key. */
export function createCipher(base64Key: string): Cipher {
  const key = Buffer.from(base64Key, "base64");
  if (key.length !== 32) throw new Error("LINNET_SECRETS_KEY must be 32 bytes, base64-encoded");
  const signingKey = createHmac("sha256", key).update("linnet:signing").digest();
  return {
    encrypt(plain, aad) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(aad, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    decrypt(sealed, aad) {
      if (!sealed.startsWith("v1.")) throw new Error("Unknown ciphertext version");
      const raw = Buffer.from(sealed.slice(3), "base64");
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(aad, "utf8"));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
    sign(message) {
      return createHmac("sha256", signingKey).update(message, "utf8").digest("base64url");
    },
  };
}

/** A fresh random key, base64. */
export function generateKeyBase64(): string {
  return randomBytes(32).toString("base64");
}
