import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client.js";
import { operatorApiKeys } from "../schema/index.js";

/** An operator API key row (only the SHA-256 of the key is stored). */
export type OperatorApiKeyRow = typeof operatorApiKeys.$inferSelect;

/** Insert an API key. */
export async function insertOperatorApiKey(db: Db, row: typeof operatorApiKeys.$inferInsert): Promise<void> {
  await db.insert(operatorApiKeys).values(row);
}

/** Find a key by the hash of its secret. */
export async function findOperatorApiKeyByHash(db: Db, keyHash: string): Promise<OperatorApiKeyRow | undefined> {
  const [row] = await db.select().from(operatorApiKeys).where(eq(operatorApiKeys.keyHash, keyHash)).limit(1);
  return row;
}

/** Find a key by id. */
export async function findOperatorApiKey(db: Db, id: string): Promise<OperatorApiKeyRow | undefined> {
  const [row] = await db.select().from(operatorApiKeys).where(eq(operatorApiKeys.id, id)).limit(1);
  return row;
}

/** A user's keys, newest first, revoked ones included. */
export async function listOperatorApiKeys(db: Db, userId: string): Promise<OperatorApiKeyRow[]> {
  return db.select().from(operatorApiKeys).where(eq(operatorApiKeys.userId, userId)).orderBy(desc(operatorApiKeys.createdAt));
}

/** Mark a key revoked (the first revocation's time is kept). */
export async function revokeOperatorApiKey(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(operatorApiKeys)
    .set({ revokedAt: at })
    .where(and(eq(operatorApiKeys.id, id), isNull(operatorApiKeys.revokedAt)));
}

/** Remember when a key was last used. */
export async function touchOperatorApiKey(db: Db, id: string, at: Date): Promise<void> {
  await db.update(operatorApiKeys).set({ lastUsedAt: at }).where(eq(operatorApiKeys.id, id));
}
