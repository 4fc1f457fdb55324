import { hash, verify } from "@node-rs/argon2";

/** argon2id hash of a person's password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Check a password against its argon2 hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
