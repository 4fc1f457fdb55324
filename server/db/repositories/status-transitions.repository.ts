import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { statusTransitions } from "../schema/index.js";

/** One recorded move. */
export type StatusTransitionRow = typeof statusTransitions.$inferSelect;

/** Record a move (in the transaction that made it). */
export async function insertStatusTransition(db: Db, row: Omit<typeof statusTransitions.$inferInsert, "id">): Promise<void> {
  await db.insert(statusTransitions).values(row);
}

/** An entity's moves, oldest first. */
export async function listStatusTransitions(
  db: Db,
  entity: StatusTransitionRow["entity"],
  entityId: string,
): Promise<StatusTransitionRow[]> {
  return db
    .select()
    .from(statusTransitions)
    .where(and(eq(statusTransitions.entity, entity), eq(statusTransitions.entityId, entityId)))
    .orderBy(asc(statusTransitions.at), asc(statusTransitions.id));
}
