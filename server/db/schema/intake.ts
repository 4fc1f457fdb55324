import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { oneOf } from "./types/check.js";
import type { StoredDiff, StoredMapping, ValidationReport } from "./types/ingestion.js";
import { INTAKE_FILE_STATUSES, type IntakeFileStatus } from "./types/statuses.js";

/**
 * One SFTP inbox per connection: the login a payroll system's scheduled report uses. The password is stored only as
 * an argon2 hash (shown once, then only reset); public keys are OpenSSH lines.
 */
export const intakeInboxes = pgTable("intake_inboxes", {
  connectionId: uuid("connection_id").primaryKey(),
  username: text("username").notNull().unique(),
  passwordHash: text("password_hash"),
  publicKeys: jsonb("public_keys").$type<string[]>().notNull(),
  /** Days between expected files (null: the refresh cadence). */
  cadenceDays: integer("cadence_days"),
  /** Per-connection overrides of the quality gate's limits. */
  gate: jsonb("gate").$type<Record<string, number>>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** The mapping that worked for a connection's report kind (kept from the first operator publish; editable). */
export const intakeRecipes = pgTable(
  "intake_recipes",
  {
    connectionId: uuid("connection_id").notNull(),
    group: text("product_group", { enum: ["org", "pay"] }).notNull(),
    name: text("name").notNull(),
    mapping: jsonb("mapping").$type<StoredMapping>().notNull(),
    /** Every header of the file the recipe was made from: a new non-empty column stops a file. */
    knownHeaders: jsonb("known_headers").$type<string[]>().notNull(),
    /** The employer's company code column and the values it held (a file naming another company is held). */
    identity: jsonb("identity").$type<{ column: string; values: string[] }>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.group] })],
);

/**
 * Files delivered by a scheduled report (SFTP inbox or the files API). The bytes are sealed with the secrets key
 * (payroll files hold SSNs). See domain/intake/file-machine.ts for the states.
 */
export const intakeFiles = pgTable(
  "intake_files",
  {
    id: uuid("id").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    /** sftp | api */
    channel: text("channel").notNull(),
    fileName: text("file_name").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    contentSealed: text("content_sealed").notNull(),
    /** received | published | held | rejected | duplicate (a CHECK constraint holds it to these values) */
    status: text("status").$type<IntakeFileStatus>().notNull(),
    group: text("product_group", { enum: ["org", "pay"] }),
    /** The gate's verdict, line by line. */
    verdict: jsonb("verdict").$type<{ check: string; ok: boolean; message: string; limit?: string; measured?: string }[]>(),
    report: jsonb("report").$type<ValidationReport>(),
    diff: jsonb("diff").$type<StoredDiff>(),
    snapshotId: uuid("snapshot_id"),
    reviewTaskId: uuid("review_task_id"),
    decidedBy: text("decided_by"),
    decisionReason: text("decision_reason"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [
    index("intake_files_connection_idx").on(t.connectionId, t.receivedAt),
    index("intake_files_status_idx").on(t.status),
    index("intake_files_sha_idx").on(t.connectionId, t.sha256),
    check("intake_files_status_check", oneOf("status", INTAKE_FILE_STATUSES)),
  ],
);
