import { describe, expect, it } from "vitest";
import { createCipher, generateKeyBase64 } from "./encryption.js";
import { hashSecret, secretMatches } from "./secrets.js";

describe("encryption at rest", () => {
  const cipher = createCipher(generateKeyBase64());
  it("round-trips and never shows the plain text", () => {
    const sealed = cipher.encrypt("123-45-6789", "individual:1");
    expect(sealed).not.toContain("123-45-6789");
    expect(cipher.decrypt(sealed, "individual:1")).toBe("123-45-6789");
    expect(cipher.encrypt("x", "a")).not.toBe(cipher.encrypt("x", "a")); // fresh IV each time
  });
  it("refuses another row's associated data, a tampered value and another key", () => {
    const sealed = cipher.encrypt("secret", "row:1");
    expect(() => cipher.decrypt(sealed, "row:2")).toThrow();
    const tampered = `${sealed.slice(0, -4)}AAA=`;
    expect(() => cipher.decrypt(tampered, "row:1")).toThrow();
    expect(() => createCipher(generateKeyBase64()).decrypt(sealed, "row:1")).toThrow();
  });
  it("seals bytes bound to their record, and refuses them tampered or under another record", () => {
    const cipher = createCipher(generateKeyBase64());
    const file = Buffer.from("id,ssn\n1,123-45-6789\n");
    const sealed = cipher.encryptBytes(file, "upload:1");
    expect(sealed.includes(Buffer.from("123-45-6789"))).toBe(false);
    expect(cipher.decryptBytes(sealed, "upload:1").equals(file)).toBe(true);
    expect(() => cipher.decryptBytes(sealed, "upload:2")).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => cipher.decryptBytes(tampered, "upload:1")).toThrow();
  });
  it("refuses a key of the wrong size", () => {
    expect(() => createCipher(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
  });
  it("hashes secrets and compares them", () => {
    expect(hashSecret("abc")).toHaveLength(64);
    expect(secretMatches("abc", hashSecret("abc"))).toBe(true);
    expect(secretMatches("abd", hashSecret("abc"))).toBe(false);
  });
});
