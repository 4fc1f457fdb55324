import { and, asc, between, count, eq, inArray, max, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { connectionChanged } from "../connection-changes.js";
import { connections, orgPeople, snapshotRecords, snapshots, sourceIds } from "../schema/index.js";

/** A snapshot row. */
export type SnapshotRow = typeof snapshots.$inferSelect;
/** A record row to insert. */
export type SnapshotRecordInsert = typeof snapshotRecords.$inferInsert;
/** A person of an org snapshot to insert: the served JSON of its three records and the sealed SSN. */
export interface OrgPersonInsert {
  position: number;
  id: string;
  directory: string;
  individual: string;
  employment: string;
  sealed: string | null;
}
/** What readers get of a record. */
export interface RecordRow {
  position: number;
  id: string | null;
  json: string;
  sealed: string | null;
}

/** Bytes of tab-separated lines per bulk statement: large enough to amortize a round trip, small enough to stay lean. */
const BULK_BYTES = 8 * 1024 * 1024;

/**
 * Rows travel to the database as ONE text parameter of tab-separated lines, split into rows by SQL. On embedded
 * PGlite this is several times faster than multi-row VALUES (tens of thousands of bound parameters to serialize and
 * plan) or array parameters, and it works unchanged on PostgreSQL. Fields must hold no tab or newline: JSON.stringify
 * escapes every control character, and UUIDs, dates and sealed values are plain ASCII; anything else is refused.
 */
function bulkLine(fields: (string | number | null | undefined)[]): string {
  const line = fields.map((f) => (f === null || f === undefined ? "" : String(f))).join("\t");
  if (line.includes("\n") || line.split("\t").length !== fields.length) throw new Error("bulk insert: a field holds a tab or newline");
  return line;
}

/** Send lines in statements of about BULK_BYTES each. */
async function sendLines(lines: Iterable<string>, send: (text: string) => Promise<unknown>): Promise<void> {
  let batch: string[] = [];
  let bytes = 0;
  for (const line of lines) {
    batch.push(line);
    bytes += line.length + 1;
    if (bytes >= BULK_BYTES) {
      await send(batch.join("\n"));
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) await send(batch.join("\n"));
}

/** Column `n` of each line, empty meaning null. */
const field = (n: number) => sql.raw(`nullif(split_part(l, E'\\t', ${n}), '')`);

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

/** Insert records in bulk (see bulkLine). */
export async function insertRecords(tx: Db, rows: SnapshotRecordInsert[]): Promise<void> {
  const lines = (function* () {
    for (const r of rows) yield bulkLine([r.snapshotId, r.kind, r.position, r.id, r.parentId, r.sortKey, r.sealed, r.json]);
  })();
  await sendLines(lines, (text) =>
    tx.execute(sql`
      insert into ${snapshotRecords} (snapshot_id, kind, position, id, parent_id, sort_key, sealed, json)
      select ${field(1)}::uuid, ${field(2)}, ${field(3)}::int, ${field(4)}::uuid, ${field(5)}::uuid, ${field(6)}, ${field(7)}, split_part(l, E'\\t', 8)
      from string_to_table(${text}::text, E'\\n') as l`),
  );
}

/**
 * Insert the people of an org snapshot in bulk (see bulkLine). The JSON fields come from JSON.stringify and the
 * others are UUIDs, integers and base64, so only a cheap check for a tab or newline is made per line.
 */
export async function insertOrgPeople(tx: Db, snapshotId: string, rows: Iterable<OrgPersonInsert>): Promise<void> {
  const lines = (function* () {
    for (const r of rows) {
      const line = `${r.position}\t${r.id}\t${r.sealed ?? ""}\t${r.directory}\t${r.individual}\t${r.employment}`;
      if (line.includes("\n") || tabCount(line) !== 5) throw new Error("bulk insert: a field holds a tab or newline");
      yield line;
    }
  })();
  await sendLines(lines, (text) =>
    tx.execute(sql`
      insert into ${orgPeople} (snapshot_id, position, id, sealed, directory, individual, employment)
      select ${snapshotId}::uuid, split_part(l, E'\t', 1)::int, split_part(l, E'\t', 2)::uuid, ${field(3)},
        split_part(l, E'\t', 4), split_part(l, E'\t', 5), split_part(l, E'\t', 6)
      from string_to_table(${text}::text, E'\n') as l`),
  );
}

/** Number of tabs in a line. */
function tabCount(line: string): number {
  let n = 0;
  for (let i = line.indexOf("\t"); i !== -1; i = line.indexOf("\t", i + 1)) n++;
  return n;
}

/** Every source-id mapping of one kind for a connection. */
export async function loadSourceIds(tx: Db, connectionId: string, kind: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ sourceId: sourceIds.sourceId, id: sourceIds.id })
    .from(sourceIds)
    .where(and(eq(sourceIds.connectionId, connectionId), eq(sourceIds.kind, kind)));
  return new Map(rows.map((r) => [r.sourceId, r.id]));
}

/**
 * Record new source-id mappings of one connection and kind, in bulk (see bulkLine): each line is the 36-character
 * UUID, a tab, and the source id (which holds no control character: StableIds refuses them).
 */
export async function insertSourceIds(tx: Db, connectionId: string, kind: string, rows: { id: string; sourceId: string }[]): Promise<void> {
  const lines = (function* () {
    for (const r of rows) yield bulkLine([r.id, r.sourceId]);
  })();
  await sendLines(lines, (text) =>
    tx.execute(sql`
      insert into ${sourceIds} (connection_id, kind, id, source_id)
      select ${connectionId}::uuid, ${kind}, left(l, 36)::uuid, substr(l, 38)
      from string_to_table(${text}::text, E'\n') as l`),
  );
}

/** Point a connection at its new current snapshot of a group. */
export async function setCurrentSnapshot(
  tx: Db,
  connectionId: string,
  group: "org" | "pay",
  snapshotId: string,
  retrievedAt: Date,
): Promise<void> {
  await tx
    .update(connections)
    .set(
      group === "org"
        ? { orgSnapshotId: snapshotId, lastSuccessfulSync: retrievedAt, orgAttemptedAt: retrievedAt, orgAttemptResult: "success" }
        : { paySnapshotId: snapshotId, lastSuccessfulSync: retrievedAt, payAttemptedAt: retrievedAt, payAttemptResult: "success" },
    )
    .where(eq(connections.id, connectionId));
  connectionChanged(tx, connectionId);
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

const recordColumns = {
  position: snapshotRecords.position,
  id: snapshotRecords.id,
  json: snapshotRecords.json,
  sealed: snapshotRecords.sealed,
};

/** The kinds stored one row per person in org_people. */
type PersonKind = "directory" | "individual" | "employment";
const isPersonKind = (kind: string): kind is PersonKind => kind === "directory" || kind === "individual" || kind === "employment";

/** A person kind's record columns: its JSON column, and the sealed SSN for individuals only. */
function personColumns(kind: PersonKind) {
  return {
    position: orgPeople.position,
    id: orgPeople.id,
    json: orgPeople[kind],
    sealed: kind === "individual" ? orgPeople.sealed : sql<string | null>`null::text`,
  };
}

/** Every record of a kind in a snapshot, in order. */
export async function allRecords(db: Db, snapshotId: string, kind: string): Promise<RecordRow[]> {
  if (isPersonKind(kind)) {
    return db.select(personColumns(kind)).from(orgPeople).where(eq(orgPeople.snapshotId, snapshotId)).orderBy(asc(orgPeople.position));
  }
  return db
    .select(recordColumns)
    .from(snapshotRecords)
    .where(and(eq(snapshotRecords.snapshotId, snapshotId), eq(snapshotRecords.kind, kind)))
    .orderBy(asc(snapshotRecords.position));
}

/** Records of a kind by id. */
export async function recordsByIds(db: Db, snapshotId: string, kind: string, ids: string[]): Promise<RecordRow[]> {
  if (ids.length === 0) return [];
  if (isPersonKind(kind)) {
    return db
      .select(personColumns(kind))
      .from(orgPeople)
      .where(and(eq(orgPeople.snapshotId, snapshotId), inArray(orgPeople.id, ids)));
  }
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
  if (isPersonKind(kind)) {
    const [people] = await db.select({ n: count() }).from(orgPeople).where(eq(orgPeople.snapshotId, snapshotId));
    return people?.n ?? 0;
  }
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
    return Number(
      (result as unknown as { rowCount?: number; affectedRows?: number }).rowCount ??
        (result as unknown as { affectedRows?: number }).affectedRows ??
        0,
    );
  };
  const payments = await copy("payment", excluded);
  const statements = await copy("pay_statement", excludedParents);
  const groups = copyGroups ? await copy("pay_group", sql``) : 0;
  return { payments, statements, groups };
}

/** One page of a parent's children (pay statements of a payment), through the parent index. */
export async function childPage(
  db: Db,
  snapshotId: string,
  kind: string,
  parentId: string,
  offset: number,
  limit: number,
): Promise<string[]> {
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
