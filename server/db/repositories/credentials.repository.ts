import { and, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "../client.js";
import { accessTokens, authorizationCodes } from "../schema/index.js";

/** An authorization code row. */
export type CodeRow = typeof authorizationCodes.$inferSelect;
/** An access token row. */
export type TokenRow = typeof accessTokens.$inferSelect;

/** Insert an authorization code (hashed). */
export async function insertCode(db: Db, row: typeof authorizationCodes.$inferInsert): Promise<void> {
  await db.insert(authorizationCodes).values(row);
}

/** Find a code by its hash. */
export async function findCode(db: Db, codeHash: string): Promise<CodeRow | undefined> {
  const [row] = await db.select().from(authorizationCodes).where(eq(authorizationCodes.codeHash, codeHash)).limit(1);
  return row;
}

/** Consume a code: true only for the one caller that flips used_at from null. */
export async function consumeCode(db: Db, codeHash: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(authorizationCodes)
    .set({ usedAt: at })
    .where(and(eq(authorizationCodes.codeHash, codeHash), isNull(authorizationCodes.usedAt)))
    .returning({ codeHash: authorizationCodes.codeHash });
  return rows.length === 1;
}

/** Insert an access token (hashed). */
export async function insertToken(db: Db, row: typeof accessTokens.$inferInsert): Promise<void> {
  await db.insert(accessTokens).values(row);
}

/** Find a live (not revoked) token by its hash. */
export async function findLiveToken(db: Db, tokenHash: string): Promise<TokenRow | undefined> {
  const [row] = await db
    .select()
    .from(accessTokens)
    .where(and(eq(accessTokens.tokenHash, tokenHash), isNull(accessTokens.revokedAt)))
    .limit(1);
  return row;
}

/** Revoke every live token of a connection. */
export async function revokeTokensOfConnection(db: Db, connectionId: string, at: Date): Promise<void> {
  await db
    .update(accessTokens)
    .set({ revokedAt: at })
    .where(and(eq(accessTokens.connectionId, connectionId), isNull(accessTokens.revokedAt)));
}

/** Delete authorization codes that expired before `before`; returns how many. */
export async function deleteExpiredCodes(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(authorizationCodes)
    .where(lt(authorizationCodes.expiresAt, before))
    .returning({ codeHash: authorizationCodes.codeHash });
  return rows.length;
}
