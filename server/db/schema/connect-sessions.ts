import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { applications } from "./applications.js";

/** One run of Connect: created by the sessions API, or implicitly for a legacy /authorize link. */
export const connectSessions = pgTable(
  "connect_sessions",
  {
    /** The session_id. */
    id: uuid("id").primaryKey(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    /** `new` (sessions API), `reauth` (reauthenticate API) or `legacy` (static /authorize parameters). */
    kind: text("kind", { enum: ["new", "reauth", "legacy"] }).notNull(),
    customerId: text("customer_id"),
    customerName: text("customer_name"),
    customerEmail: text("customer_email"),
    products: jsonb("products").$type<string[]>().notNull(),
    redirectUri: text("redirect_uri"),
    sandbox: text("sandbox", { enum: ["finch", "provider"] }),
    manual: boolean("manual").notNull(),
    integrationProvider: text("integration_provider"),
    integrationAuthMethod: text("integration_auth_method"),
    recordkeeping: jsonb("recordkeeping").$type<Record<string, unknown>>(),
    /** For reauth sessions: the connection being re-authenticated. */
    connectionId: uuid("connection_id"),
    /** For legacy links: the `state` to echo back. */
    state: text("state"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("connect_sessions_app_customer_idx").on(t.applicationId, t.customerId)],
);
