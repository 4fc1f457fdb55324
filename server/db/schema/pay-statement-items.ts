import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";

/**
 * The pay statement items of a pay snapshot (`GET /employer/pay-statement-item`), recorded when the snapshot is
 * published: one row per distinct item per payment, so a merge publish can carry the earlier payments' rows forward
 * and drop the replaced ones without re-reading any statement. Immutable, like the snapshot itself.
 */
export const payStatementItems = pgTable(
  "pay_statement_items",
  {
    snapshotId: uuid("snapshot_id").notNull(),
    /** The payment whose statements carry the item. */
    paymentId: uuid("payment_id").notNull(),
    /** The payment's pay date (YYYY-MM-DD), null when unknown. */
    payDate: text("pay_date"),
    category: text("category").notNull(),
    name: text("name").notNull(),
    type: text("type"),
    /** `"true"` / `"false"` for employee deductions, else null. */
    preTax: text("pre_tax"),
    /** `"true"` / `"false"` for taxes, else null. */
    employer: text("employer"),
    /** The item's own `attributes.metadata` (JSON text) when some statement of the payment carries one. */
    metadata: text("metadata"),
  },
  (t) => [index("pay_statement_items_snapshot_idx").on(t.snapshotId)],
);

/**
 * Pay snapshots whose items were recorded at publish. Snapshots published before items were recorded have no row
 * here (and no item rows): their items are computed from the statements on demand.
 */
export const payStatementItemSets = pgTable("pay_statement_item_sets", {
  snapshotId: uuid("snapshot_id").primaryKey(),
});
