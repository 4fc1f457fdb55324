import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * Immutable published data. A snapshot holds one product group (`org`: company, directory, individual, employment;
 * `pay`: payments, pay statements, pay groups) of one connection as pulled at `retrieved_at`. The connection points
 * at its current snapshot per group; older snapshots stay for history.
 */
export const snapshots = pgTable(
  "snapshots",
  {
    id: uuid("id").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    group: text("product_group", { enum: ["org", "pay"] }).notNull(),
    /** 1, 2, 3… per connection and group. */
    version: integer("version").notNull(),
    /** Who supplied it: `sandbox`, `operator:<user id>`, `automated_sync`, … */
    source: text("source").notNull(),
    /** When the data was pulled from the employer's system (served as Finch-Data-Retrieved). */
    retrievedAt: timestamp("retrieved_at", { withTimezone: true }).notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    /** Record counts by kind, for history views. */
    counts: jsonb("counts").$type<Record<string, number>>().notNull(),
  },
  (t) => [uniqueIndex("snapshots_connection_group_version_idx").on(t.connectionId, t.group, t.version)],
);

/**
 * The records of a snapshot, stored as the exact JSON the API serves (`json`), so reads are string work, not
 * serialization. Sensitive fields (SSNs, bank numbers) are left out of `json` and kept encrypted in `sealed`.
 */
export const snapshotRecords = pgTable(
  "snapshot_records",
  {
    snapshotId: uuid("snapshot_id").notNull(),
    /** company | payment | pay_statement | pay_group (directory, individual and employment live in org_people) */
    kind: text("kind").notNull(),
    /** Order within the kind (directory order; payments by pay date; statements within a payment). */
    position: integer("position").notNull(),
    /** The record's stable id (null for pay statements, which have none). */
    id: uuid("id"),
    /** Pay statements: their payment. */
    parentId: uuid("parent_id"),
    /** Payments: pay_date (YYYY-MM-DD), for date-range filters. */
    sortKey: text("sort_key"),
    json: text("json").notNull(),
    /** AES-256-GCM of the sensitive fields, bound to (snapshot, kind, id). */
    sealed: text("sealed"),
  },
  (t) => [
    primaryKey({ columns: [t.snapshotId, t.kind, t.position] }),
    uniqueIndex("snapshot_records_id_idx").on(t.snapshotId, t.kind, t.id).where(sql`${t.id} is not null`),
    // partial: only pay records have a parent or a sort key, so org publishes (300,000 rows for 100,000 people)
    // maintain two indexes instead of four
    index("snapshot_records_parent_idx").on(t.snapshotId, t.kind, t.parentId, t.position).where(sql`${t.parentId} is not null`),
    index("snapshot_records_sort_idx").on(t.snapshotId, t.kind, t.sortKey).where(sql`${t.sortKey} is not null`),
  ],
);

/**
 * The people of an org snapshot, one row per person holding the served JSON of its three records (directory,
 * individual, employment): a 100,000-person census is 100,000 rows and index entries instead of 300,000.
 * The individual's SSN is kept encrypted in `sealed`, bound to (snapshot, `individual`, id) as before.
 */
export const orgPeople = pgTable(
  "org_people",
  {
    snapshotId: uuid("snapshot_id").notNull(),
    /** Directory order, shared by the three records. */
    position: integer("position").notNull(),
    /** The person's stable id. */
    id: uuid("id").notNull(),
    directory: text("directory").notNull(),
    individual: text("individual").notNull(),
    employment: text("employment").notNull(),
    /** AES-256-GCM of the SSN, bound to (snapshot, `individual`, id). */
    sealed: text("sealed"),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.position] }), uniqueIndex("org_people_id_idx").on(t.snapshotId, t.id)],
);

/** The stable UUID of each source-system id per connection: ids survive re-pulls. */
export const sourceIds = pgTable(
  "source_ids",
  {
    connectionId: uuid("connection_id").notNull(),
    /** individual | payment | pay_group */
    kind: text("kind").notNull(),
    sourceId: text("source_id").notNull(),
    id: uuid("id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.kind, t.sourceId] })],
);
