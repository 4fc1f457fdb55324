import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { payStatementItemSets, payStatementItems } from "../schema/index.js";

/** One distinct item as it appears in the statements of one payment. */
export interface ItemOccurrenceRow {
  category: string;
  name: string;
  type: string | null;
  /** `"true"` / `"false"` for employee deductions, else null. */
  pre_tax: string | null;
  /** `"true"` / `"false"` for taxes, else null. */
  employer: string | null;
  /** The payment's pay date (YYYY-MM-DD), null when unknown. */
  pay_date: string | null;
  /** The item's own `attributes.metadata` (JSON text) when some statement of the payment carries one. */
  metadata: string | null;
}

/** The items of one category: `jsonb_array_elements` over the section when it is an array. */
const section = (category: string) =>
  sql.raw(`
  select parent_id, '${category}' as category, e from st,
    jsonb_array_elements(case when jsonb_typeof(j -> '${category}') = 'array' then j -> '${category}' else '[]'::jsonb end) as e`);

/**
 * The distinct items of a pay snapshot per payment, computed from the stored statements. The served JSON is parsed
 * once per statement (`st` is referenced four times, so PostgreSQL materializes it) and items are grouped per
 * payment (a few dozen per payment rather than one per statement line). Columns: `parent_id` (the payment) and the
 * item columns of ItemOccurrenceRow except `pay_date`.
 */
const perPayment = (snapshotId: string) => sql`
    with st as materialized (
      select parent_id, json::jsonb as j from snapshot_records
      where snapshot_id = ${snapshotId} and kind = 'pay_statement'
    ),
    items as (${section("earnings")} union all ${section("taxes")} union all ${section("employee_deductions")} union all ${section("employer_contributions")})
    select parent_id, category, e ->> 'name' as name, e ->> 'type' as type,
      case when category = 'employee_deductions' then e ->> 'pre_tax' end as pre_tax,
      case when category = 'taxes' then e ->> 'employer' end as employer,
      max((e -> 'attributes' -> 'metadata')::text) filter (where jsonb_typeof(e -> 'attributes' -> 'metadata') = 'object') as metadata
    from items
    where jsonb_typeof(e -> 'name') = 'string'
    group by 1, 2, 3, 4, 5, 6`;

/**
 * Every distinct pay statement item of a pay snapshot per payment, with the payment's pay date, computed from the
 * statements' JSON (seconds for a large history): only for pay snapshots published before items were recorded.
 */
export async function itemOccurrences(db: Db, snapshotId: string): Promise<ItemOccurrenceRow[]> {
  const result = await db.execute(sql`
    select i.category, i.name, i.type, i.pre_tax, i.employer, p.sort_key as pay_date, i.metadata
    from (${perPayment(snapshotId)}) i
    left join snapshot_records p on p.snapshot_id = ${snapshotId} and p.kind = 'payment' and p.id = i.parent_id`);
  return (result as unknown as { rows: ItemOccurrenceRow[] }).rows;
}

/** One item row to record: a distinct item of one payment of a snapshot. */
export type PayStatementItemInsert = typeof payStatementItems.$inferInsert;

/** True when the snapshot's items were recorded at publish (see `payStatementItemSets`). */
export async function itemsRecorded(db: Db, snapshotId: string): Promise<boolean> {
  const rows = await db
    .select({ id: payStatementItemSets.snapshotId })
    .from(payStatementItemSets)
    .where(eq(payStatementItemSets.snapshotId, snapshotId))
    .limit(1);
  return rows.length > 0;
}

/** Mark a snapshot's item rows as complete. */
export async function markItemsRecorded(tx: Db, snapshotId: string): Promise<void> {
  await tx.insert(payStatementItemSets).values({ snapshotId });
}

/** The recorded items of a snapshot per payment, by pay date (undated first), then payment. */
export async function recordedItemOccurrences(db: Db, snapshotId: string): Promise<ItemOccurrenceRow[]> {
  return db
    .select({
      category: payStatementItems.category,
      name: payStatementItems.name,
      type: payStatementItems.type,
      pre_tax: payStatementItems.preTax,
      employer: payStatementItems.employer,
      pay_date: payStatementItems.payDate,
      metadata: payStatementItems.metadata,
    })
    .from(payStatementItems)
    .where(eq(payStatementItems.snapshotId, snapshotId))
    .orderBy(sql`${payStatementItems.payDate} asc nulls first`, asc(payStatementItems.paymentId));
}

/** Rows per statement: one JSON text parameter, expanded by `jsonb_to_recordset` (any character is safe). */
const INSERT_CHUNK = 20_000;

/** Record item rows in bulk. */
export async function insertItemRows(tx: Db, rows: PayStatementItemInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const json = JSON.stringify(
      rows.slice(i, i + INSERT_CHUNK).map((r) => ({
        s: r.snapshotId,
        p: r.paymentId,
        d: r.payDate ?? null,
        c: r.category,
        n: r.name,
        t: r.type ?? null,
        x: r.preTax ?? null,
        e: r.employer ?? null,
        m: r.metadata ?? null,
      })),
    );
    await tx.execute(sql`
      insert into ${payStatementItems} (snapshot_id, payment_id, pay_date, category, name, type, pre_tax, employer, metadata)
      select s, p, d, c, n, t, x, e, m
      from jsonb_to_recordset(${json}::jsonb) as r(s uuid, p uuid, d text, c text, n text, t text, x text, e text, m text)`);
  }
}

/** Carry a snapshot's item rows into a new snapshot, leaving out the given payments (they are being replaced). */
export async function copyItemRows(tx: Db, from: string, to: string, excludePaymentIds: string[]): Promise<void> {
  // one array parameter (drizzle would spread a JS array into several); the ids are UUIDs from our own map
  const excluded = excludePaymentIds.length ? sql`and not (payment_id = any(${`{${excludePaymentIds.join(",")}}`}::uuid[]))` : sql``;
  await tx.execute(sql`
    insert into ${payStatementItems} (snapshot_id, payment_id, pay_date, category, name, type, pre_tax, employer, metadata)
    select ${to}, payment_id, pay_date, category, name, type, pre_tax, employer, metadata
    from ${payStatementItems} where snapshot_id = ${from} ${excluded}`);
}

/**
 * Record the item rows of the statements a snapshot holds so far, computed from their JSON: once, when a merge
 * publish copies the payments of a snapshot published before items were recorded.
 */
export async function insertItemRowsFromStatements(tx: Db, snapshotId: string): Promise<void> {
  await tx.execute(sql`
    insert into ${payStatementItems} (snapshot_id, payment_id, pay_date, category, name, type, pre_tax, employer, metadata)
    select ${snapshotId}, i.parent_id, p.sort_key, i.category, i.name, i.type, i.pre_tax, i.employer, i.metadata
    from (${perPayment(snapshotId)}) i
    join snapshot_records p on p.snapshot_id = ${snapshotId} and p.kind = 'payment' and p.id = i.parent_id`);
}
