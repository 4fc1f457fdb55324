import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { applications } from "./applications.js";

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
    status: text("status").notNull(),
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
  },
  (t) => [index("connections_app_customer_idx").on(t.applicationId, t.customerId)],
);
