import { eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { connectSessions } from "../schema/index.js";

/** A Connect session row. */
export type SessionRow = typeof connectSessions.$inferSelect;

/** Insert a Connect session. */
export async function insertSession(db: Db, row: typeof connectSessions.$inferInsert): Promise<void> {
  await db.insert(connectSessions).values(row);
}

/** Find a session by id. */
export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(connectSessions).where(eq(connectSessions.id, id)).limit(1);
  return row;
}

/** Mark a session completed. */
export async function completeSession(db: Db, id: string, at: Date): Promise<void> {
  await db.update(connectSessions).set({ completedAt: at }).where(eq(connectSessions.id, id));
}

/** Remember the `state` the embed SDK or link carried, to echo it with the code. */
export async function setSessionState(db: Db, id: string, state: string): Promise<void> {
  await db.update(connectSessions).set({ state }).where(eq(connectSessions.id, id));
}
