import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomFillSync } from "node:crypto";

/** AES-256-GCM with associated data: sensitive values at rest are bound to the row they belong to. */
export interface Cipher {
  /** Encrypt to `v1.<base64 iv‖tag‖ciphertext>`. */
  encrypt(plain: string, aad: string): string;
  /** Decrypt a value made by encrypt with the same aad; throws when tampered with. */
  decrypt(sealed: string, aad: string): string;
  /** Encrypt bytes (files) to `0x01 ‖ iv ‖ tag ‖ ciphertext`. */
  encryptBytes(plain: Buffer, aad: string): Buffer;
  /** Decrypt bytes made by encryptBytes with the same aad; throws when tampered with. */
  decryptBytes(sealed: Buffer, aad: string): Buffer;
  /** HMAC-SHA256 (base64url) under a key derived from the master key: for capability links. */
  sign(message: string): string;
}

/**
 * Fresh random 96-bit IVs, drawn from a pool refilled 1,024 at a time: one CSPRNG call per IV made publishing a
 * 100,000-person census spend half a second on random bytes alone. Every IV is still used once.
 */
class IvPool {
  private readonly pool = Buffer.alloc(12 * 1024);
  private next = this.pool.length;
  take(): Buffer {
    if (this.next === this.pool.length) {
      randomFillSync(this.pool);
      this.next = 0;
    }
    const iv = Buffer.from(this.pool.subarray(this.next, this.next + 12));
    this.next += 12;
    return iv;
  }
}

/** Version byte of sealed byte strings. */
const BYTES_V1 = Buffer.from([1]);

/** Build a cipher from a base64 32-byte key. */
export function createCipher(base64Key: string): Cipher {
  const key = Buffer.from(base64Key, "base64");
  if (key.length !== 32) throw new Error("LINNET_SECRETS_KEY must be 32 bytes, base64-encoded");
  const signingKey = createHmac("sha256", key).update("linnet:signing").digest();
  const ivs = new IvPool();
  return {
    encrypt(plain, aad) {
      const iv = ivs.take();
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
    encryptBytes(plain, aad) {
      const iv = ivs.take();
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(aad, "utf8"));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([BYTES_V1, iv, cipher.getAuthTag(), body]);
    },
    decryptBytes(sealed, aad) {
      if (sealed[0] !== BYTES_V1[0]) throw new Error("Unknown ciphertext version");
      const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(1, 13));
      decipher.setAAD(Buffer.from(aad, "utf8"));
      decipher.setAuthTag(sealed.subarray(13, 29));
      return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
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
