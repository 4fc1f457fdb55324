import { and, asc, between, count, eq, inArray, max, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { connections, snapshotRecords, snapshots, sourceIds } from "../schema/index.js";

/** A snapshot row. */
export type SnapshotRow = typeof snapshots.$inferSelect;
/** A record row to insert. */
export type SnapshotRecordInsert = typeof snapshotRecords.$inferInsert;
/** What readers get of a record. */
export interface RecordRow {
  position: number;
  id: string | null;
  json: string;
  sealed: string | null;
}

/** Rows per multi-row INSERT: as large as PostgreSQL's 65,535-parameter limit allows for 8 columns. */
const INSERT_CHUNK = 8000;

/** Serialize publishes of one connection: lock its row for the rest of the transaction. */
export async function lockConnectionForPublish(tx: Db, connectionId: string): Promise<void> {
  await tx.execute(sql`select id from ${connections} where ${connections.id} = ${connectionId} for update`);
}

/** The next version number of a connection's group. */
export async function nextSnapshotVersion(tx: Db, connectionId: string, group: "org" | "pay"): Promise<number> {
  const [row] = await tx
    .select({ v: max(snapshots.version) })
    .from(snapshots)
    .where(and(eq(snapshots.connectionId, connectionId), eq(snapshots.group, group)));
  return (row?.v ?? 0) + 1;
}

/** Insert a snapshot row. */
export async function insertSnapshot(tx: Db, row: typeof snapshots.$inferInsert): Promise<void> {
  await tx.insert(snapshots).values(row);
}

/** Insert records in multi-row chunks. */
export async function insertRecords(tx: Db, rows: SnapshotRecordInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(snapshotRecords).values(rows.slice(i, i + INSERT_CHUNK));
  }
}

/** Every source-id mapping of one kind for a connection. */
export async function loadSourceIds(tx: Db, connectionId: string, kind: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ sourceId: sourceIds.sourceId, id: sourceIds.id })
    .from(sourceIds)
    .where(and(eq(sourceIds.connectionId, connectionId), eq(sourceIds.kind, kind)));
  return new Map(rows.map((r) => [r.sourceId, r.id]));
}

/** Record new source-id mappings. */
export async function insertSourceIds(tx: Db, rows: (typeof sourceIds.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(sourceIds).values(rows.slice(i, i + INSERT_CHUNK));
  }
}

/** Point a connection at its new current snapshot of a group. */
export async function setCurrentSnapshot(tx: Db, connectionId: string, group: "org" | "pay", snapshotId: string, retrievedAt: Date): Promise<void> {
  await tx
    .update(connections)
    .set(group === "org" ? { orgSnapshotId: snapshotId, lastSuccessfulSync: retrievedAt } : { paySnapshotId: snapshotId, lastSuccessfulSync: retrievedAt })
    .where(eq(connections.id, connectionId));
}

/** A snapshot by id. */
export async function findSnapshot(db: Db, id: string): Promise<SnapshotRow | undefined> {
  const [row] = await db.select().from(snapshots).where(eq(snapshots.id, id)).limit(1);
  return row;
}

/** A connection's snapshots of a group, newest first. */
export async function listSnapshots(db: Db, connectionId: string, group: "org" | "pay"): Promise<SnapshotRow[]> {
  return db
    .select()
    .from(snapshots)
    .where(and(eq(snapshots.connectionId, connectionId), eq(snapshots.group, group)))
    .orderBy(sql`${snapshots.version} desc`);
}

const recordColumns = { position: snapshotRecords.position, id: snapshotRecords.id, json: snapshotRecords.json, sealed: snapshotRecords.sealed };

/** Every record of a kind in a snapshot, in order. */
export async function allRecords(db: Db, snapshotId: string, kind: string): Promise<RecordRow[]> {
  return db
    .select(recordColumns)
    .from(snapshotRecords)
    .where(and(eq(snapshotRecords.snapshotId, snapshotId), eq(snapshotRecords.kind, kind)))
    .orderBy(asc(snapshotRecords.position));
}

/** Records of a kind by id. */
export async function recordsByIds(db: Db, snapshotId: string, kind: string, ids: string[]): Promise<RecordRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(recordColumns)
    .from(snapshotRecords)
    .where(and(eq(snapshotRecords.snapshotId, snapshotId), eq(snapshotRecords.kind, kind), inArray(snapshotRecords.id, ids)));
}

/** Records whose sort key (pay date) lies in [from, to]. */
export async function recordsBetween(db: Db, snapshotId: string, kind: string, from: string, to: string): Promise<RecordRow[]> {
  return db
    .select(recordColumns)
    .from(snapshotRecords)
    .where(and(eq(snapshotRecords.snapshotId, snapshotId), eq(snapshotRecords.kind, kind), between(snapshotRecords.sortKey, from, to)))
    .orderBy(asc(snapshotRecords.position));
}

/** Number of records of a kind. */
export async function countRecords(db: Db, snapshotId: string, kind: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(snapshotRecords)
    .where(and(eq(snapshotRecords.snapshotId, snapshotId), eq(snapshotRecords.kind, kind)));
  return row?.n ?? 0;
}

/**
 * Copy a pay snapshot's payments, their statements and its pay groups into a new snapshot, leaving out the given
 * payments (they are being replaced). Done in SQL so a long history never passes through the process.
 * Returns the positions to continue from.
 */
export async function copyPayRecords(
  tx: Db,
  from: string,
  to: string,
  excludePaymentIds: string[],
  copyGroups: boolean,
): Promise<{ payments: number; statements: number; groups: number }> {
  // one array parameter (drizzle would spread a JS array into several); the ids are UUIDs from our own map
  const idArray = `{${excludePaymentIds.join(",")}}`;
  const excluded = excludePaymentIds.length ? sql`and not (${snapshotRecords.id} = any(${idArray}::uuid[]))` : sql``;
  const excludedParents = excludePaymentIds.length ? sql`and not (${snapshotRecords.parentId} = any(${idArray}::uuid[]))` : sql``;
  const copy = async (kind: string, filter: ReturnType<typeof sql>) => {
    const result = await tx.execute(sql`
      insert into ${snapshotRecords} (snapshot_id, kind, position, id, parent_id, sort_key, json, sealed)
      select ${to}, kind, (row_number() over (order by position)) - 1, id, parent_id, sort_key, json, sealed
      from ${snapshotRecords} where ${snapshotRecords.snapshotId} = ${from} and ${snapshotRecords.kind} = ${kind} ${filter}`);
    return Number((result as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (result as unknown as { affectedRows?: number }).affectedRows ?? 0);
  };
  const payments = await copy("payment", excluded);
  const statements = await copy("pay_statement", excludedParents);
  const groups = copyGroups ? await copy("pay_group", sql``) : 0;
  return { payments, statements, groups };
}

/** One page of a parent's children (pay statements of a payment), through the parent index. */
export async function childPage(db: Db, snapshotId: string, kind: string, parentId: string, offset: number, limit: number): Promise<string[]> {
  const rows = await db
    .select({ json: snapshotRecords.json })
    .from(snapshotRecords)
    .where(and(eq(snapshotRecords.snapshotId, snapshotId), eq(snapshotRecords.kind, kind), eq(snapshotRecords.parentId, parentId)))
    .orderBy(asc(snapshotRecords.position))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => r.json);
}

/** Number of children of a parent. */
export async function countChildren(db: Db, snapshotId: string, kind: string, parentId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(snapshotRecords)
    .where(and(eq(snapshotRecords.snapshotId, snapshotId), eq(snapshotRecords.kind, kind), eq(snapshotRecords.parentId, parentId)));
  return row?.n ?? 0;
}
