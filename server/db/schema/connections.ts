import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { applications } from "./applications.js";
import { oneOf } from "./types/check.js";
import { CONNECTION_STATES, type ConnectionState } from "./types/statuses.js";

/** The link between one application and one employer's account in one provider. */
export const connections = pgTable(
  "connections",
  {
    /** The connection_id. */
    id: uuid("id").primaryKey(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    companyId: uuid("company_id").notNull(),
    accountId: uuid("account_id").notNull(),
    entityId: uuid("entity_id").notNull(),
    customerId: text("customer_id"),
    customerName: text("customer_name"),
    customerEmail: text("customer_email"),
    providerId: text("provider_id").notNull(),
    authMethod: text("auth_method", { enum: ["assisted", "credential", "api_token", "oauth"] }).notNull(),
    /** `provider` (a real system) or `finch` (generated sandbox data). */
    connectionType: text("connection_type", { enum: ["provider", "finch"] }).notNull(),
    products: jsonb("products").$type<string[]>().notNull(),
    /** See domain/connections/status-machine.ts. */
    status: text("status").$type<ConnectionState>().notNull(),
    statusMessage: text("status_message"),
    /** Assisted: the address the employer invites as administrator. */
    inviteEmail: text("invite_email"),
    /** Assisted: when the employer said access was granted. */
    accessConfirmedAt: timestamp("access_confirmed_at", { withTimezone: true }),
    /** Automated: the login the employer used (never the password). */
    username: text("username"),
    lastSuccessfulSync: timestamp("last_successful_sync", { withTimezone: true }),
    /**
     * The last attempt to pull each group, and how it ended (`success` | `error`): served as
     * `Finch-Last-Attempted-Update-Date` / `-Result`. A publish is a successful attempt at its retrieval time; a
     * failed automated sync is a failed attempt for both groups.
     */
    orgAttemptedAt: timestamp("org_attempted_at", { withTimezone: true }),
    orgAttemptResult: text("org_attempt_result", { enum: ["success", "error"] }),
    payAttemptedAt: timestamp("pay_attempted_at", { withTimezone: true }),
    payAttemptResult: text("pay_attempt_result", { enum: ["success", "error"] }),
    /** Current published snapshot of the org group (company, directory, individual, employment); null until the first. */
    orgSnapshotId: uuid("org_snapshot_id"),
    /** Current published snapshot of the pay group (payment, pay_statement, pay groups); null until the first. */
    paySnapshotId: uuid("pay_snapshot_id"),
    /** Assisted: flagged for follow-up because it stayed pending too long (the scheduler sets it once). */
    followUpAt: timestamp("follow_up_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    disconnectedAt: timestamp("disconnected_at", { withTimezone: true }),
    /**
     * Multi-entity connections (see domain/connections/entities.ts): a further entity (legal company / EIN, ADP
     * company code) of the connection named here is a row of its own, so its data, stable ids and events are its
     * own. Null for a connection itself (whose row is also its first entity). Such rows are never listed as
     * connections and hold no tokens.
     */
    parentConnectionId: uuid("parent_connection_id"),
    /** The entity's name in the provider (null: the customer's name is shown). */
    entityName: text("entity_name"),
    /** The entity's id in the provider (an EIN, a company code); null when unknown. */
    entitySourceId: text("entity_source_id"),
    /** When this row's entity was disconnected by `POST /disconnect-entity` while others stay served. */
    entityDisconnectedAt: timestamp("entity_disconnected_at", { withTimezone: true }),
  },
  (t) => [
    check("connections_status_check", oneOf("status", CONNECTION_STATES)),
    index("connections_app_customer_idx").on(t.applicationId, t.customerId),
    index("connections_parent_idx").on(t.parentConnectionId).where(sql`${t.parentConnectionId} is not null`),
  ],
);
