import { asc, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { connectionActivity } from "../schema/index.js";

/** An activity row. */
export type ActivityRow = typeof connectionActivity.$inferSelect;

/** Append to a connection's activity log. */
export async function insertActivity(db: Db, row: Omit<typeof connectionActivity.$inferInsert, "id">): Promise<void> {
  await db.insert(connectionActivity).values(row);
}

/** A connection's activity, oldest first. */
export async function listActivity(db: Db, connectionId: string): Promise<ActivityRow[]> {
  return db
    .select()
    .from(connectionActivity)
    .where(eq(connectionActivity.connectionId, connectionId))
    .orderBy(asc(connectionActivity.at), asc(connectionActivity.id));
}
