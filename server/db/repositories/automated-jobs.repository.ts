import { and, count, desc, eq, gte, inArray } from "drizzle-orm";
import type { Db } from "../client.js";
import { automatedJobs } from "../schema/index.js";
import { moveFrom } from "./move-from.js";

/** An automated job row. */
export type AutomatedJobRow = typeof automatedJobs.$inferSelect;

/** Insert an automated job. */
export async function insertAutomatedJob(db: Db, row: typeof automatedJobs.$inferInsert): Promise<void> {
  await db.insert(automatedJobs).values(row);
}

/** One job by id. */
export async function findAutomatedJob(db: Db, id: string): Promise<AutomatedJobRow | undefined> {
  const [row] = await db.select().from(automatedJobs).where(eq(automatedJobs.id, id)).limit(1);
  return row;
}

/** One job by id, row-locked until the transaction ends (two runs of one job never overlap). */
export async function lockAutomatedJob(tx: Db, id: string): Promise<AutomatedJobRow | undefined> {
  const [row] = await tx.select().from(automatedJobs).where(eq(automatedJobs.id, id)).limit(1).for("update");
  return row;
}

/** A connection's jobs, newest first. */
export async function listAutomatedJobs(db: Db, connectionId: string, limit: number, offset: number): Promise<AutomatedJobRow[]> {
  return db
    .select()
    .from(automatedJobs)
    .where(eq(automatedJobs.connectionId, connectionId))
    .orderBy(desc(automatedJobs.createdAt))
    .limit(limit)
    .offset(offset);
}

/** A queued or running data sync of a connection, if any (one at a time). */
export async function findOpenSync(db: Db, connectionId: string): Promise<AutomatedJobRow | undefined> {
  const [row] = await db
    .select()
    .from(automatedJobs)
    .where(
      and(
        eq(automatedJobs.connectionId, connectionId),
        eq(automatedJobs.type, "data_sync_all"),
        inArray(automatedJobs.status, ["pending", "in_progress"]),
      ),
    )
    .limit(1);
  return row;
}

/** How many jobs of a type a connection created since `since` (refresh quota). */
export async function countJobsSince(db: Db, connectionId: string, type: "data_sync_all", since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(automatedJobs)
    .where(and(eq(automatedJobs.connectionId, connectionId), eq(automatedJobs.type, type), gte(automatedJobs.createdAt, since)));
  return row?.n ?? 0;
}

/** Update a job only while it is still in `from` (its machine's move); false when another move came first. */
export async function updateAutomatedJobFrom(
  db: Db,
  id: string,
  from: AutomatedJobRow["status"],
  patch: Partial<Pick<AutomatedJobRow, "status" | "error" | "startedAt" | "completedAt">>,
): Promise<boolean> {
  return moveFrom(db, automatedJobs, { id: automatedJobs.id, status: automatedJobs.status }, id, from, patch);
}
