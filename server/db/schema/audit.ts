import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The audit log of console actions: who did what to which record, written in the same transaction as the action
 * where there is one. The actor's email and role are copied, so the line stays true if the user changes later.
 * `summary` is plain words for people; `details` holds ids and small facts, never secrets or personal data.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorUserId: uuid("actor_user_id"),
    actorEmail: text("actor_email").notNull(),
    actorRole: text("actor_role").notNull(),
    /** A dotted action name from domain/audit/audit-actions.ts, e.g. `connection.status_changed`. */
    action: text("action").notNull(),
    /** What was acted on: `connection`, `upload`, `application`, `webhook_endpoint`, `manual_job`, `task`, … */
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    applicationId: uuid("application_id"),
    connectionId: uuid("connection_id"),
    summary: text("summary").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at, t.id),
    index("audit_log_action_idx").on(t.action, t.at),
    index("audit_log_actor_idx").on(t.actorUserId, t.at),
  ],
);
