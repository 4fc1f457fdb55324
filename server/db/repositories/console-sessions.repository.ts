import { and, eq, lt } from "drizzle-orm";
import type { Db } from "../client.js";
import { consoleSessions } from "../schema/index.js";

/** A console session row (keyed by the SHA-256 of the cookie value). */
export type ConsoleSessionRow = typeof consoleSessions.$inferSelect;

/** Insert a console session. */
export async function insertConsoleSession(db: Db, row: typeof consoleSessions.$inferInsert): Promise<void> {
  await db.insert(consoleSessions).values(row);
}

/** Find a session by the hash of its token. */
export async function findConsoleSession(db: Db, idHash: string): Promise<ConsoleSessionRow | undefined> {
  const [row] = await db.select().from(consoleSessions).where(eq(consoleSessions.idHash, idHash)).limit(1);
  return row;
}

/** Move a session's last activity forward. */
export async function touchConsoleSession(db: Db, idHash: string, at: Date): Promise<void> {
  await db.update(consoleSessions).set({ lastSeenAt: at }).where(eq(consoleSessions.idHash, idHash));
}

/** Delete one session (sign-out, expiry). */
export async function deleteConsoleSession(db: Db, idHash: string): Promise<void> {
  await db.delete(consoleSessions).where(eq(consoleSessions.idHash, idHash));
}

/** Delete a user's sessions whose absolute expiry has passed (housekeeping at sign-in). */
export async function deleteExpiredConsoleSessions(db: Db, userId: string, now: Date): Promise<void> {
  await db.delete(consoleSessions).where(and(eq(consoleSessions.userId, userId), lt(consoleSessions.expiresAt, now)));
}
