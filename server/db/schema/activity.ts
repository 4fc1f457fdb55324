import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ConnectionState } from "./types/statuses.js";

/** Per-connection activity log: who did what and why, shown to developers and operators. */
export const connectionActivity = pgTable(
  "connection_activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    /** `employer`, `app:<client_id>`, `user:<id>`, `system`. */
    actor: text("actor").notNull(),
    kind: text("kind").notNull(),
    /** A connection's state before and after a move (null for entries that move nothing). */
    fromStatus: text("from_status").$type<ConnectionState>(),
    toStatus: text("to_status").$type<ConnectionState>(),
    message: text("message").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("connection_activity_connection_idx").on(t.connectionId, t.at)],
);

/** Domain events, recorded in the same transaction as the change; later fanned out to webhooks. */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey(),
    type: text("type").notNull(),
    applicationId: uuid("application_id").notNull(),
    connectionId: uuid("connection_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** When the webhook fan-out took it (published as an envelope, or skipped as internal); null = not yet. */
    fannedOutAt: timestamp("fanned_out_at", { withTimezone: true }),
  },
  (t) => [
    index("events_application_idx").on(t.applicationId, t.createdAt),
    index("events_created_idx").on(t.createdAt),
    // the fan-out reads only what it has not taken yet, so its cost is the batch, not the table
    index("events_unfanned_idx").on(t.createdAt, t.id).where(sql`${t.fannedOutAt} is null`),
  ],
);

/** Small key/value settings (e.g. the demo application's encrypted credentials). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
