import { and, asc, count, desc, eq, gte, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { connectionChanged } from "../connection-changes.js";
import { applications, assistedTasks, connections, users } from "../schema/index.js";
import { moveFrom } from "./move-from.js";

/** A task row. */
export type TaskRow = typeof assistedTasks.$inferSelect;

/** A task with what the queue shows of its connection. */
export interface TaskListRow {
  task: TaskRow;
  customerName: string | null;
  providerId: string;
  connectionStatus: string;
  applicationName: string;
  assigneeEmail: string | null;
}

/** Filters of the queue. */
export interface TaskFilter {
  ids?: string[];
  statuses?: TaskRow["status"][];
  /** Any of these providers (an empty list matches nothing). */
  providerIds?: string[];
  /** Tasks of one connection. */
  connectionId?: string;
  assigneeId?: string | null;
  dueBefore?: Date;
  dueAfter?: Date;
  sort: "due_asc" | "due_desc" | "created_desc";
  limit: number;
  offset: number;
}

/** Insert tasks. */
export async function insertTasks(db: Db, rows: (typeof assistedTasks.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(assistedTasks).values(rows);
}

/** A task by id. */
export async function findTask(db: Db, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(assistedTasks).where(eq(assistedTasks.id, id)).limit(1);
  return row;
}

/** Update a task. */
export async function updateTask(db: Db, id: string, patch: Partial<Omit<TaskRow, "id" | "connectionId">>): Promise<void> {
  await db.update(assistedTasks).set(patch).where(eq(assistedTasks.id, id));
}

/** Update a task only while it is still in `from` (its machine's move); false when another move came first. */
export async function updateTaskFrom(
  db: Db,
  id: string,
  from: TaskRow["status"],
  patch: Partial<Omit<TaskRow, "id" | "connectionId">>,
): Promise<boolean> {
  return moveFrom(db, assistedTasks, { id: assistedTasks.id, status: assistedTasks.status }, id, from, patch);
}

/** Open (or in-progress) tasks of a connection, optionally of one group. */
export async function activeTasksOf(db: Db, connectionId: string, group?: "org" | "pay"): Promise<TaskRow[]> {
  const where = [eq(assistedTasks.connectionId, connectionId), inArray(assistedTasks.status, ["open", "in_progress"])];
  if (group) where.push(eq(assistedTasks.group, group));
  return db
    .select()
    .from(assistedTasks)
    .where(and(...where));
}

/** Every task of a connection, newest first. */
export async function tasksOfConnection(db: Db, connectionId: string): Promise<TaskRow[]> {
  return db.select().from(assistedTasks).where(eq(assistedTasks.connectionId, connectionId)).orderBy(desc(assistedTasks.createdAt));
}

function filterWhere(f: TaskFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.ids) where.push(inArray(assistedTasks.id, f.ids));
  if (f.statuses) where.push(inArray(assistedTasks.status, f.statuses));
  if (f.providerIds) where.push(f.providerIds.length > 0 ? inArray(connections.providerId, f.providerIds) : sql`false`);
  if (f.connectionId) where.push(eq(assistedTasks.connectionId, f.connectionId));
  if (f.assigneeId === null) where.push(isNull(assistedTasks.assigneeId));
  else if (f.assigneeId) where.push(eq(assistedTasks.assigneeId, f.assigneeId));
  if (f.dueBefore) where.push(lte(assistedTasks.dueAt, f.dueBefore));
  if (f.dueAfter) where.push(gte(assistedTasks.dueAt, f.dueAfter));
  return where.length ? and(...where) : undefined;
}

/** The queue: filtered, sorted, paged, with the total count. */
export async function listTasks(db: Db, f: TaskFilter): Promise<{ rows: TaskListRow[]; total: number }> {
  const where = filterWhere(f);
  const order =
    f.sort === "due_desc"
      ? desc(assistedTasks.dueAt)
      : f.sort === "created_desc"
        ? desc(assistedTasks.createdAt)
        : asc(assistedTasks.dueAt);
  const rows = await db
    .select({
      task: assistedTasks,
      customerName: connections.customerName,
      providerId: connections.providerId,
      connectionStatus: connections.status,
      applicationName: applications.name,
      assigneeEmail: users.email,
    })
    .from(assistedTasks)
    .innerJoin(connections, eq(connections.id, assistedTasks.connectionId))
    .innerJoin(applications, eq(applications.id, connections.applicationId))
    .leftJoin(users, eq(users.id, assistedTasks.assigneeId))
    .where(where)
    .orderBy(order, asc(assistedTasks.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db
    .select({ n: count() })
    .from(assistedTasks)
    .innerJoin(connections, eq(connections.id, assistedTasks.connectionId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Task counts by status. */
export async function countTasksByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db.select({ status: assistedTasks.status, n: count() }).from(assistedTasks).groupBy(assistedTasks.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Active tasks' due dates (for SLA health counts). */
export async function activeDueDates(db: Db): Promise<Date[]> {
  const rows = await db
    .select({ dueAt: assistedTasks.dueAt })
    .from(assistedTasks)
    .where(inArray(assistedTasks.status, ["open", "in_progress"]));
  return rows.map((r) => r.dueAt);
}

/** Active tasks past due that have not raised their overdue event yet. */
export async function newlyOverdueTasks(db: Db, now: Date): Promise<TaskRow[]> {
  return db
    .select()
    .from(assistedTasks)
    .where(and(inArray(assistedTasks.status, ["open", "in_progress"]), lte(assistedTasks.dueAt, now), isNull(assistedTasks.overdueAt)));
}

/** Cancel every active task of a connection. */
export async function cancelActiveTasks(db: Db, connectionId: string, at: Date): Promise<number> {
  const rows = await db
    .update(assistedTasks)
    .set({ status: "cancelled", completedAt: at })
    .where(and(eq(assistedTasks.connectionId, connectionId), inArray(assistedTasks.status, ["open", "in_progress"])))
    .returning({ id: assistedTasks.id });
  return rows.length;
}

/** Connection counts by status (assisted, real connections only). */
export async function countAssistedConnectionsByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: connections.status, n: count() })
    .from(connections)
    .where(and(eq(connections.authMethod, "assisted"), eq(connections.connectionType, "provider")))
    .groupBy(connections.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Pending assisted connections created before `before` and not flagged yet. */
export async function unflaggedStalePending(db: Db, before: Date) {
  return db
    .select()
    .from(connections)
    .where(
      and(
        eq(connections.authMethod, "assisted"),
        eq(connections.connectionType, "provider"),
        eq(connections.status, "pending"),
        lte(connections.createdAt, before),
        isNull(connections.followUpAt),
      ),
    );
}

/** Count of connections flagged for follow-up and still pending. */
export async function countFollowUps(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(connections)
    .where(and(sql`${connections.followUpAt} is not null`, eq(connections.status, "pending")));
  return row?.n ?? 0;
}

/** Flag a connection for follow-up. */
export async function flagFollowUp(db: Db, connectionId: string, at: Date): Promise<void> {
  await db.update(connections).set({ followUpAt: at }).where(eq(connections.id, connectionId));
  connectionChanged(db, connectionId);
}
