import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { events } from "../schema/index.js";

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
