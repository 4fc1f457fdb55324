import { and, desc, eq, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import type { Db } from "../client.js";
import { ingestionUploads, mappingTemplates } from "../schema/index.js";
import { moveFrom } from "./move-from.js";

/** An upload row. */
export type UploadRow = typeof ingestionUploads.$inferSelect;
/** A saved template row. */
export type TemplateRow = typeof mappingTemplates.$inferSelect;

/** Insert an upload. */
export async function insertUpload(db: Db, row: typeof ingestionUploads.$inferInsert): Promise<void> {
  await db.insert(ingestionUploads).values(row);
}

/** An upload by id. */
export async function findUpload(db: Db, id: string): Promise<UploadRow | undefined> {
  const [row] = await db.select().from(ingestionUploads).where(eq(ingestionUploads.id, id)).limit(1);
  return row;
}

/** Update an upload. */
export async function updateUpload(
  db: Db,
  id: string,
  patch: Partial<Omit<UploadRow, "id" | "connectionId" | "content" | "contentSealed" | "purgedAt">>,
): Promise<void> {
  await db.update(ingestionUploads).set(patch).where(eq(ingestionUploads.id, id));
}

/** Update an upload only while it is still in state `from` (the state machine's guard); whether it was updated. */
export async function updateUploadFrom(
  db: Db,
  id: string,
  from: UploadRow["status"],
  patch: Partial<Omit<UploadRow, "id" | "connectionId" | "content">>,
): Promise<boolean> {
  return moveFrom(db, ingestionUploads, { id: ingestionUploads.id, status: ingestionUploads.status }, id, from, patch);
}

/** A connection's uploads, newest first (without file contents). */
export async function listUploadsOfConnection(db: Db, connectionId: string) {
  return db
    .select({
      id: ingestionUploads.id,
      group: ingestionUploads.group,
      status: ingestionUploads.status,
      fileName: ingestionUploads.fileName,
      createdAt: ingestionUploads.createdAt,
      purgedAt: ingestionUploads.purgedAt,
    })
    .from(ingestionUploads)
    .where(eq(ingestionUploads.connectionId, connectionId))
    .orderBy(desc(ingestionUploads.createdAt));
}

/** Ids of uploads whose file is still stored in clear (rows from before sealing existed), a batch at a time. */
export async function listPlainUploadIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: ingestionUploads.id })
    .from(ingestionUploads)
    .where(and(eq(ingestionUploads.contentSealed, false), isNotNull(ingestionUploads.content)))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Replace a clear file by its sealed bytes, unless another process sealed it first. */
export async function storeSealedContent(db: Db, id: string, sealed: Buffer): Promise<void> {
  await db
    .update(ingestionUploads)
    .set({ content: sealed, contentSealed: true })
    .where(and(eq(ingestionUploads.id, id), eq(ingestionUploads.contentSealed, false)));
}

/** Delete the files of uploads made before `before` (the rows, reports and diffs stay); returns how many. */
export async function purgeUploadContentBefore(db: Db, before: Date, now: Date): Promise<number> {
  const purged = await db
    .update(ingestionUploads)
    .set({ content: null, purgedAt: now })
    .where(and(isNull(ingestionUploads.purgedAt), lt(ingestionUploads.createdAt, before)))
    .returning({ id: ingestionUploads.id });
  return purged.length;
}

/** The diffs stored by the uploads that published the given snapshots. */
export async function snapshotDiffs(db: Db, snapshotIds: string[]): Promise<Map<string, NonNullable<UploadRow["diff"]>>> {
  if (snapshotIds.length === 0) return new Map();
  const rows = await db
    .select({ snapshotId: ingestionUploads.publishedSnapshotId, diff: ingestionUploads.diff })
    .from(ingestionUploads)
    .where(and(inArray(ingestionUploads.publishedSnapshotId, snapshotIds), isNotNull(ingestionUploads.diff)));
  return new Map(rows.filter((r) => r.snapshotId && r.diff).map((r) => [r.snapshotId!, r.diff!]));
}

/** Saved templates of a provider and group. */
export async function listTemplates(db: Db, providerId: string, group: "org" | "pay"): Promise<TemplateRow[]> {
  return db
    .select()
    .from(mappingTemplates)
    .where(and(eq(mappingTemplates.providerId, providerId), eq(mappingTemplates.group, group)))
    .orderBy(desc(mappingTemplates.updatedAt));
}

/** A saved template by id. */
export async function findTemplate(db: Db, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(mappingTemplates).where(eq(mappingTemplates.id, id)).limit(1);
  return row;
}

/** Save a template. */
export async function insertTemplate(db: Db, row: typeof mappingTemplates.$inferInsert): Promise<void> {
  await db.insert(mappingTemplates).values(row);
}
