import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { connectionActivity, events } from "../schema/index.js";

/** An activity row. */
export type ActivityRow = typeof connectionActivity.$inferSelect;

/** Append to a connection's activity log. */
export async function insertActivity(db: Db, row: Omit<typeof connectionActivity.$inferInsert, "id">): Promise<void> {
  await db.insert(connectionActivity).values(row);
}

/** A connection's activity, oldest first. */
export async function listActivity(db: Db, connectionId: string): Promise<ActivityRow[]> {
  return db.select().from(connectionActivity).where(eq(connectionActivity.connectionId, connectionId)).orderBy(asc(connectionActivity.at), asc(connectionActivity.id));
}

/** Record a domain event (call inside the transaction that made the change). */
export async function insertEvent(
  db: Db,
  row: { type: string; applicationId: string; connectionId: string | null; payload: Record<string, unknown>; createdAt: Date },
): Promise<string> {
  const id = randomUUID();
  await db.insert(events).values({ id, ...row });
  return id;
}

/** Events of a connection, oldest first. */
export async function listEventsOfConnection(db: Db, connectionId: string) {
  return db.select().from(events).where(eq(events.connectionId, connectionId)).orderBy(asc(events.createdAt));
}
