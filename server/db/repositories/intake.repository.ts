import { and, desc, eq, getTableColumns, inArray, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { intakeFiles, intakeInboxes, intakeRecipes } from "../schema/index.js";
import { moveFrom } from "./move-from.js";

/** An inbox row. */
export type InboxRow = typeof intakeInboxes.$inferSelect;
/** A recipe row. */
export type RecipeRow = typeof intakeRecipes.$inferSelect;
/** A delivered file's row. */
export type IntakeFileRow = typeof intakeFiles.$inferSelect;

/** The inbox of a connection. */
export async function findInbox(db: Db, connectionId: string): Promise<InboxRow | undefined> {
  const [row] = await db.select().from(intakeInboxes).where(eq(intakeInboxes.connectionId, connectionId)).limit(1);
  return row;
}

/** The inbox with this SFTP username. */
export async function findInboxByUsername(db: Db, username: string): Promise<InboxRow | undefined> {
  const [row] = await db.select().from(intakeInboxes).where(eq(intakeInboxes.username, username)).limit(1);
  return row;
}

/** Create or replace an inbox's credentials and settings. */
export async function upsertInbox(db: Db, row: InboxRow): Promise<void> {
  const { connectionId: _id, createdAt: _c, ...patch } = row;
  await db.insert(intakeInboxes).values(row).onConflictDoUpdate({ target: intakeInboxes.connectionId, set: patch });
}

/** Every inbox (the lateness sweep). */
export async function listInboxes(db: Db): Promise<InboxRow[]> {
  return db.select().from(intakeInboxes);
}

/** The recipes of a connection. */
export async function recipesOf(db: Db, connectionId: string): Promise<RecipeRow[]> {
  return db.select().from(intakeRecipes).where(eq(intakeRecipes.connectionId, connectionId));
}

/** Keep a recipe; `replace` false leaves an existing one alone (the first publish makes it). */
export async function saveRecipe(db: Db, row: RecipeRow, replace: boolean): Promise<void> {
  const insert = db.insert(intakeRecipes).values(row);
  if (replace) {
    await insert.onConflictDoUpdate({
      target: [intakeRecipes.connectionId, intakeRecipes.group],
      set: { name: row.name, mapping: row.mapping, knownHeaders: row.knownHeaders, updatedAt: row.updatedAt },
    });
  } else {
    await insert.onConflictDoNothing();
  }
}

/** Store a delivered file. */
export async function insertIntakeFile(db: Db, row: IntakeFileRow): Promise<void> {
  await db.insert(intakeFiles).values(row);
}

/** A file by id. */
export async function findIntakeFile(db: Db, id: string): Promise<IntakeFileRow | undefined> {
  const [row] = await db.select().from(intakeFiles).where(eq(intakeFiles.id, id)).limit(1);
  return row;
}

/** A file by id, its row locked until the transaction ends (one processor at a time). */
export async function lockIntakeFile(tx: Db, id: string): Promise<IntakeFileRow | undefined> {
  const [row] = await tx.select().from(intakeFiles).where(eq(intakeFiles.id, id)).for("update").limit(1);
  return row;
}

/** Update a file. */
export async function updateIntakeFile(
  db: Db,
  id: string,
  patch: Partial<Omit<IntakeFileRow, "id" | "connectionId" | "status">>,
): Promise<void> {
  await db.update(intakeFiles).set(patch).where(eq(intakeFiles.id, id));
}

/** Update a file only while it is still in `from` (its machine's move); false when another move came first. */
export async function updateIntakeFileFrom(
  db: Db,
  id: string,
  from: IntakeFileRow["status"],
  patch: Partial<Omit<IntakeFileRow, "id" | "connectionId">>,
): Promise<boolean> {
  return moveFrom(db, intakeFiles, { id: intakeFiles.id, status: intakeFiles.status }, id, from, patch);
}

/** Another file of the connection with the same bytes that was published or is awaiting a decision. */
export async function findSameBytes(db: Db, connectionId: string, sha256: string, exceptId: string): Promise<IntakeFileRow | undefined> {
  const [row] = await db
    .select()
    .from(intakeFiles)
    .where(
      and(
        eq(intakeFiles.connectionId, connectionId),
        eq(intakeFiles.sha256, sha256),
        ne(intakeFiles.id, exceptId),
        inArray(intakeFiles.status, ["published", "held", "received"]),
      ),
    )
    .orderBy(intakeFiles.receivedAt)
    .limit(1);
  return row;
}

/** A held file of the connection, other than this one (a held file pauses what follows). */
export async function findHeldFile(db: Db, connectionId: string, exceptId: string): Promise<IntakeFileRow | undefined> {
  const [row] = await db
    .select()
    .from(intakeFiles)
    .where(and(eq(intakeFiles.connectionId, connectionId), eq(intakeFiles.status, "held"), ne(intakeFiles.id, exceptId)))
    .limit(1);
  return row;
}

/** Files received before `before` and still waiting to be processed (the recovery sweep after a crash). */
export async function receivedFileIds(db: Db, limit: number, before: Date): Promise<string[]> {
  const rows = await db
    .select({ id: intakeFiles.id })
    .from(intakeFiles)
    .where(and(eq(intakeFiles.status, "received"), lt(intakeFiles.receivedAt, before)))
    .orderBy(intakeFiles.receivedAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Files, newest first, optionally of one connection or status; the sealed bytes are left out. */
export async function listIntakeFiles(
  db: Db,
  filter: { connectionId?: string; status?: IntakeFileRow["status"]; limit: number },
): Promise<Omit<IntakeFileRow, "contentSealed">[]> {
  const where = [];
  if (filter.connectionId) where.push(eq(intakeFiles.connectionId, filter.connectionId));
  if (filter.status) where.push(eq(intakeFiles.status, filter.status));
  const { contentSealed: _sealed, ...columns } = getTableColumns(intakeFiles);
  return db
    .select(columns)
    .from(intakeFiles)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(intakeFiles.receivedAt))
    .limit(filter.limit);
}

/** The latest arrival per connection (source health and lateness). */
export async function lastArrivals(db: Db): Promise<Map<string, Date>> {
  const rows = await db
    .select({ connectionId: intakeFiles.connectionId, last: sql<string>`max(${intakeFiles.receivedAt})` })
    .from(intakeFiles)
    .groupBy(intakeFiles.connectionId);
  return new Map(rows.map((r) => [r.connectionId, new Date(r.last)]));
}

/** How many files are in each status (the Intake view's counts). */
export async function countIntakeFilesByStatus(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ status: intakeFiles.status, n: sql<number>`count(*)::int` }).from(intakeFiles).groupBy(intakeFiles.status);
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}
