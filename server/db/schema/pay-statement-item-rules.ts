import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Pay statement item rules of a connection (`/employer/pay-statement-item/rule`): when an item matches every
 * condition, within the effective dates, the rule's metadata is merged into the item's `attributes.metadata`.
 * Deleting sets `deleted_at`; deleted rules are kept (the delete answers them) but never applied or listed.
 */
export const payStatementItemRules = pgTable(
  "pay_statement_item_rules",
  {
    id: uuid("id").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    /** 1 for a connection's first rule, then increasing; priority 1 wins when several rules set one key. */
    priority: integer("priority").notNull(),
    /** YYYY-MM-DD or null (no lower bound). */
    effectiveStartDate: text("effective_start_date"),
    /** YYYY-MM-DD or null (no upper bound). */
    effectiveEndDate: text("effective_end_date"),
    /** `[{ field, operator: "equals", value }]`. */
    conditions: jsonb("conditions").$type<{ field: string; operator: "equals"; value: string }[]>().notNull(),
    /** `attributes.metadata`: merged into matching items. */
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("pay_statement_item_rules_connection_idx").on(t.connectionId, t.priority)],
);
