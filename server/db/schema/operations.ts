import { bigint, boolean, check, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { oneOf } from "./types/check.js";
import type { StoredDiff, StoredMapping, ValidationReport } from "./types/ingestion.js";
import { JOB_STATUSES, type JobStatus, TASK_STATUSES, type TaskStatus } from "./types/statuses.js";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** Signed-in console sessions (operators, admins, developers). Only the SHA-256 of the cookie value is stored. */
export const consoleSessions = pgTable(
  "console_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id").notNull(),
    /** SHA-256 of the CSRF token bound to this session (sent back in a header on every unsafe request). */
    csrfHash: text("csrf_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [index("console_sessions_user_idx").on(t.userId)],
);

/** API keys for automation scripts of operators (JSON ingestion). Only the SHA-256 is stored. */
export const operatorApiKeys = pgTable("operator_api_keys", {
  id: uuid("id").primaryKey(),
  userId: uuid("user_id").notNull(),
  name: text("name").notNull(),
  keyHash: text("key_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/**
 * The operations work queue: one task per connection and product group and pull (initial or weekly refresh).
 * See domain/assisted/task-machine.ts for the states.
 */
export const assistedTasks = pgTable(
  "assisted_tasks",
  {
    id: uuid("id").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    group: text("product_group", { enum: ["org", "pay"] }).notNull(),
    kind: text("kind", { enum: ["initial", "refresh", "review", "late_file", "source_check"] }).notNull(),
    /** open | in_progress | done | cancelled (a CHECK constraint holds it to these values) */
    status: text("status").$type<TaskStatus>().notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    assigneeId: uuid("assignee_id"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** When the scheduler raised the overdue event (once). */
    overdueAt: timestamp("overdue_at", { withTimezone: true }),
    /** The snapshot that completed it. */
    snapshotId: uuid("snapshot_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("assisted_tasks_status_due_idx").on(t.status, t.dueAt),
    index("assisted_tasks_connection_idx").on(t.connectionId),
    check("assisted_tasks_status_check", oneOf("status", TASK_STATUSES)),
  ],
);

/** Reusable column mappings per provider and product group (column → field, date formats, value maps). */
export const mappingTemplates = pgTable(
  "mapping_templates",
  {
    id: uuid("id").primaryKey(),
    providerId: text("provider_id").notNull(),
    group: text("product_group", { enum: ["org", "pay"] }).notNull(),
    name: text("name").notNull(),
    mapping: jsonb("mapping").$type<StoredMapping>().notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("mapping_templates_provider_idx").on(t.providerId, t.group)],
);

/** Uploaded provider exports and what became of them; the file is kept so nothing is lost. */
export const ingestionUploads = pgTable(
  "ingestion_uploads",
  {
    id: uuid("id").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    taskId: uuid("task_id"),
    group: text("product_group", { enum: ["org", "pay"] }).notNull(),
    /** The upload state machine's state (`domain/ops/upload-machine.ts`); a CHECK constraint holds it to these values. */
    status: text("status", { enum: ["needs_mapping", "invalid", "valid", "published", "discarded"] }).notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type"),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    /**
     * The file, sealed with the secrets key (AES-256-GCM bound to the upload id, see domain/ops/upload-content.ts);
     * null once purged after LINNET_UPLOAD_RETENTION_DAYS.
     */
    content: bytea("content"),
    /** False only for rows stored before sealing existed, until the start-up step seals them. */
    contentSealed: boolean("content_sealed").notNull().default(false),
    /** When the file was deleted by the retention rule (the report, diff and snapshots stay). */
    purgedAt: timestamp("purged_at", { withTimezone: true }),
    mapping: jsonb("mapping").$type<StoredMapping>(),
    templateId: uuid("template_id"),
    /** The last validation report (errors, warnings, counts). */
    report: jsonb("report").$type<ValidationReport>(),
    /** The last diff against the current snapshot. */
    diff: jsonb("diff").$type<StoredDiff>(),
    rowCount: integer("row_count"),
    publishedSnapshotId: uuid("published_snapshot_id"),
    uploadedBy: uuid("uploaded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("ingestion_uploads_connection_idx").on(t.connectionId, t.createdAt)],
);

/** Manual jobs: deduction writes on assisted connections, carried out by an operator (`GET /jobs/manual/{id}`). */
export const manualJobs = pgTable(
  "manual_jobs",
  {
    /** The job_id. */
    id: uuid("id").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    /** benefit_create | benefit_update | benefit_register | benefit_enroll | benefit_unenroll */
    type: text("type").notNull(),
    /** The manual job machine's state (`domain/assisted/manual-job-machine.ts`), held by a CHECK constraint. */
    status: text("status").$type<JobStatus>().notNull(),
    /** What the operator must enter in the employer's system. */
    request: jsonb("request").$type<Record<string, unknown>>().notNull(),
    /** Per-item results, as `GET /jobs/manual/{id}` serves them. */
    body: jsonb("body").$type<unknown[]>(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    assigneeId: uuid("assignee_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("manual_jobs_status_due_idx").on(t.status, t.dueAt),
    index("manual_jobs_connection_idx").on(t.connectionId),
    check("manual_jobs_status_check", oneOf("status", JOB_STATUSES)),
  ],
);
