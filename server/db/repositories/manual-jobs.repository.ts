import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../client.js";
import { connections, manualJobs, users } from "../schema/index.js";
import { moveFrom } from "./move-from.js";

/** A manual job row. */
export type ManualJobRow = typeof manualJobs.$inferSelect;

/** Insert a manual job. */
export async function insertManualJob(db: Db, row: typeof manualJobs.$inferInsert): Promise<void> {
  await db.insert(manualJobs).values(row);
}

/** A manual job by id. */
export async function findManualJob(db: Db, id: string): Promise<ManualJobRow | undefined> {
  const [row] = await db.select().from(manualJobs).where(eq(manualJobs.id, id)).limit(1);
  return row;
}

/** Update a manual job only while it is still in `from` (its machine's move); false when another move came first. */
export async function updateManualJobFrom(
  db: Db,
  id: string,
  from: ManualJobRow["status"],
  patch: Partial<Omit<ManualJobRow, "id" | "connectionId">>,
): Promise<boolean> {
  return moveFrom(db, manualJobs, { id: manualJobs.id, status: manualJobs.status }, id, from, patch);
}

/** Manual jobs for the console, by status, soonest due first, with their connection and assignee. */
export async function listManualJobs(db: Db, statuses: ManualJobRow["status"][], ids?: string[]) {
  return db
    .select({ job: manualJobs, customerName: connections.customerName, providerId: connections.providerId, assigneeEmail: users.email })
    .from(manualJobs)
    .innerJoin(connections, eq(connections.id, manualJobs.connectionId))
    .leftJoin(users, eq(users.id, manualJobs.assigneeId))
    .where(and(inArray(manualJobs.status, statuses), ids ? inArray(manualJobs.id, ids) : undefined))
    .orderBy(asc(manualJobs.dueAt))
    .limit(500);
}

/** Open manual jobs (pending or in progress). */
export async function countOpenManualJobs(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(manualJobs)
    .where(and(inArray(manualJobs.status, ["pending", "in_progress"])));
  return row?.n ?? 0;
}
