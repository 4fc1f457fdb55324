import { z } from "zod";
import { LinnetVerificationSchema } from "../finch/benefits.js";
import { EmploymentSchema, IncomeSchema, IndividualSchema, PayFrequencySchema, PayStatementSchema } from "../finch/employer.js";

/**
 * The operations console's API (`/ops/api`), shared by server routes and the React console. Every call needs a
 * signed-in operator or admin (cookie session; unsafe methods also send `x-csrf-token`).
 */

/** States of a work-queue task. */
export const TaskStatusSchema = z.enum(["open", "in_progress", "done", "cancelled"]);
/**
 * States of an upload: `needs_mapping` (no mapping covers the required columns yet), `invalid` (mapped, with blocking
 * errors), `valid` (mapped, publishable), then `published` or `discarded` (both final).
 */
export const UploadStatusSchema = z.enum(["needs_mapping", "invalid", "valid", "published", "discarded"]);
/** An upload's state. */
export type UploadStatus = z.infer<typeof UploadStatusSchema>;

/** How a task stands against its due date. */
export const SlaHealthSchema = z.enum(["on_track", "due_soon", "overdue", "closed"]);

/** One work-queue task with what the queue shows about its connection. */
export const TaskSchema = z.object({
  id: z.string(),
  connection_id: z.string(),
  group: z.enum(["org", "pay"]),
  kind: z.enum(["initial", "refresh", "review", "late_file", "source_check"]),
  status: TaskStatusSchema,
  due_at: z.string(),
  /** Milliseconds until due (negative when overdue). */
  due_in_ms: z.number(),
  sla: SlaHealthSchema,
  assignee: z.object({ id: z.string(), email: z.string() }).nullable(),
  customer_name: z.string().nullable(),
  application_name: z.string(),
  provider: z.object({ id: z.string(), display_name: z.string() }),
  connection_status: z.string(),
  created_at: z.string(),
  completed_at: z.string().nullable(),
});
/** A work-queue task. */
export type Task = z.infer<typeof TaskSchema>;

/** Query of `GET /ops/api/tasks`. */
export const TaskQuerySchema = z.object({
  status: z.enum(["open", "in_progress", "done", "cancelled", "active"]).optional(),
  /** A provider's name or id, in part and in any case ("adp" finds ADP Workforce Now). */
  provider: z.string().trim().max(100).optional(),
  /** A user id, `me` or `none`. */
  assignee: z.union([z.enum(["me", "none"]), z.uuid()]).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  due_this_week: z.enum(["true", "false"]).optional(),
  sort: z.enum(["due_asc", "due_desc", "created_desc"]).default("due_asc"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Answer of `GET /ops/api/tasks`. */
export const TaskListSchema = z.object({ tasks: z.array(TaskSchema), total: z.number() });

/** Answer of `GET /ops/api/tasks/summary`: counts for the dashboard and its chart. */
export const TaskSummarySchema = z.object({
  by_status: z.record(z.string(), z.number()),
  by_sla: z.object({ on_track: z.number(), due_soon: z.number(), overdue: z.number() }),
  due_this_week: z.number(),
  connections_by_status: z.record(z.string(), z.number()),
  follow_ups: z.number(),
  manual_jobs_open: z.number(),
});

/** Body of `POST /ops/api/tasks/:id/reassign`. */
export const ReassignSchema = z.object({ user_id: z.uuid() });

/** An activity-log entry. */
export const ActivitySchema = z.object({
  at: z.string(),
  /** Who, as recorded (`user:<id>`, `app:<id>`, `employer`, `system`…). */
  actor: z.string(),
  /** Who, in words: an email, an application's name, "The employer"… (resolved by the server). */
  actor_name: z.string(),
  kind: z.string(),
  from_status: z.string().nullable(),
  to_status: z.string().nullable(),
  message: z.string(),
});

/** The last attempt to pull one product group, and how it ended. */
export const AttemptSchema = z.object({ at: z.string(), result: z.enum(["success", "error"]) });

/** An operator could not pull a group's data (the employer's system was down, the login failed, …). */
export const PullFailureSchema = z.object({
  group: z.enum(["org", "pay"]),
  reason: z.string().trim().min(1).max(500),
});

/** A published snapshot in history. */
export const SnapshotSummarySchema = z.object({
  id: z.string(),
  group: z.enum(["org", "pay"]),
  version: z.number(),
  source: z.string(),
  /** Where the data came from, in words (the operator's email, "Sandbox API"…). */
  source_name: z.string(),
  retrieved_at: z.string(),
  published_at: z.string(),
  counts: z.record(z.string(), z.number()),
  current: z.boolean(),
  /** The diff computed when it was published from an upload, if any. */
  diff: z.record(z.string(), z.unknown()).nullable(),
});

/** Answer of `GET /ops/api/connections/:id`: everything the connection page shows. */
export const OpsConnectionSchema = z.object({
  id: z.string(),
  customer_id: z.string().nullable(),
  customer_name: z.string().nullable(),
  customer_email: z.string().nullable(),
  application: z.object({ id: z.string(), name: z.string() }),
  provider: z.object({ id: z.string(), display_name: z.string(), pay_enabled: z.boolean() }),
  products: z.array(z.string()),
  auth_method: z.string(),
  status: z.string(),
  status_label: z.string(),
  status_message: z.string().nullable(),
  created_at: z.string(),
  access_confirmed_at: z.string().nullable(),
  follow_up_at: z.string().nullable(),
  invite_email: z.string().nullable(),
  instructions: z.object({ role: z.string(), method: z.string(), steps: z.array(z.string()) }).nullable(),
  /** States an operator may move the connection to now. */
  allowed_statuses: z.array(z.string()),
  tasks: z.array(TaskSchema),
  activity: z.array(ActivitySchema),
  snapshots: z.array(SnapshotSummarySchema),
  /** The last pull or try of each group (served to apps as `Finch-Last-Attempted-Update-*`). */
  last_attempts: z.object({ org: AttemptSchema.nullable(), pay: AttemptSchema.nullable() }),
  uploads: z.array(
    z.object({
      id: z.string(),
      group: z.enum(["org", "pay"]),
      status: UploadStatusSchema,
      file_name: z.string(),
      created_at: z.string(),
      /** When the file itself was deleted by the retention rule (LINNET_UPLOAD_RETENTION_DAYS), or null. */
      purged_at: z.string().nullable(),
    }),
  ),
});
/** The connection page's data. */
export type OpsConnection = z.infer<typeof OpsConnectionSchema>;

/** Body of `POST /ops/api/connections/:id/status`. */
export const SetStatusSchema = z.object({
  status: z.enum(["pending", "processing", "connected", "error_no_account_setup", "error_permissions", "reauth", "disconnected"]),
  reason: z.string().min(1).max(500),
});

/** A validation or mapping problem, located in the file. */
export const IssueSchema = z.object({
  severity: z.enum(["error", "warning"]),
  code: z.string(),
  row: z.number().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
  message: z.string(),
});

/** File value → normalized value for one coded field. */
const codes = <T extends z.ZodType>(value: T) => z.record(z.string(), value).optional();

/**
 * Coded values a report uses, per field, typed as the normalized model types them (an employment type is an object,
 * the others are enum strings). The ingestion domain's `ValueMaps` type is inferred from this, so the two cannot drift.
 */
export const ValueMapsSchema = z.strictObject({
  employment_type: codes(EmploymentSchema.shape.employment.unwrap()),
  employment_status: codes(EmploymentSchema.shape.employment_status.unwrap()),
  pay_frequency: codes(PayFrequencySchema),
  flsa_status: codes(EmploymentSchema.shape.flsa_status.unwrap()),
  gender: codes(IndividualSchema.shape.gender.unwrap()),
  pay_unit: codes(IncomeSchema.unwrap().shape.unit.unwrap()),
  payment_method: codes(PayStatementSchema.shape.payment_method.unwrap()),
  statement_type: codes(PayStatementSchema.shape.type.unwrap()),
});

/** How file columns become fields. */
export const MappingSchema = z.object({
  group: z.enum(["org", "pay"]),
  /** Field name → column header in the file. */
  columns: z.record(z.string(), z.string()),
  dateFormat: z.enum(["YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY", "M/D/YY"]),
  amountsIn: z.enum(["dollars", "cents"]),
  /** Field → (file value → normalized value), e.g. employment_status: { "A": "active", "T": "terminated" }. */
  valueMaps: ValueMapsSchema.optional(),
});
/** A mapping. */
export type Mapping = z.infer<typeof MappingSchema>;

/** A validation report: errors block publishing, warnings do not. */
export const ReportSchema = z.object({
  ok: z.boolean(),
  errors: z.array(IssueSchema),
  warnings: z.array(IssueSchema),
  counts: z.record(z.string(), z.number()),
  requiresConfirmation: z.boolean(),
  confirmationReason: z.string().optional(),
});

/** Answer of the upload calls: the file as parsed, mapped, validated and diffed. */
export const UploadViewSchema = z.object({
  id: z.string(),
  connection_id: z.string(),
  group: z.enum(["org", "pay"]),
  status: UploadStatusSchema,
  /** The states this upload may move to next (from the upload state machine), for the console's actions. */
  next_statuses: z.array(UploadStatusSchema),
  file_name: z.string(),
  size_bytes: z.number(),
  format: z.string(),
  headers: z.array(z.string()),
  row_count: z.number(),
  template: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  mapping: MappingSchema.nullable(),
  /** Fields the mapping can use, for the mapping editor. */
  fields: z.array(z.object({ name: z.string(), required: z.boolean(), label: z.string() })),
  /** The first normalized records (people or payments), for the preview. */
  preview: z.array(z.record(z.string(), z.unknown())),
  report: ReportSchema.nullable(),
  diff: z.record(z.string(), z.unknown()).nullable(),
  published_snapshot_id: z.string().nullable(),
  /**
   * When the file was deleted by the retention rule (LINNET_UPLOAD_RETENTION_DAYS): the report and diff stay, the
   * file, its columns and preview are gone, and it can no longer be mapped or published.
   */
  purged_at: z.string().nullable(),
});
/** An upload as the console shows it. */
export type UploadView = z.infer<typeof UploadViewSchema>;

/** Body of `PUT /ops/api/uploads/:id/mapping`: a mapping, or a saved template to apply. */
export const SetMappingSchema = z.object({ mapping: MappingSchema.optional(), template_id: z.string().optional() });

/** Body of `POST /ops/api/uploads/:id/publish`. */
export const PublishUploadSchema = z.object({
  /** When the data was pulled from the employer's system (default: now). */
  retrieved_at: z.iso.datetime().optional(),
  /** Confirms warnings that need it (e.g. ids overlapping nothing of the current data). */
  confirm: z.boolean().default(false),
});

/** Body of `POST /ops/api/templates`: save a mapping for reuse with a provider. */
export const SaveTemplateSchema = z.object({ provider_id: z.string(), name: z.string().min(1).max(200), mapping: MappingSchema });

/** A saved mapping template. */
export const TemplateSchema = z.object({
  id: z.string().nullable(),
  provider_id: z.string(),
  group: z.enum(["org", "pay"]),
  name: z.string(),
  builtin: z.boolean(),
  mapping: MappingSchema,
});

/** A manual job as the console shows it. */
export const OpsManualJobSchema = z.object({
  job_id: z.string(),
  connection_id: z.string(),
  customer_name: z.string().nullable(),
  provider: z.object({ id: z.string(), display_name: z.string() }),
  type: z.string(),
  status: z.enum(["pending", "in_progress", "complete", "error"]),
  request: z.record(z.string(), z.unknown()),
  body: z.array(z.unknown()).nullable(),
  due_at: z.string(),
  assignee: z.object({ id: z.string(), email: z.string() }).nullable(),
  created_at: z.string(),
  /** Deduction jobs: write-then-verify after the next pay publish. */
  verification: LinnetVerificationSchema.optional(),
});

/** Body of `POST /ops/api/manual-jobs/:id/complete`: the outcome and per-item results. */
export const CompleteManualJobSchema = z.object({
  status: z.enum(["complete", "error"]),
  body: z.array(z.object({ individual_id: z.string().optional(), code: z.number().int(), message: z.string() })).max(10_000),
});

/** Body of `POST /ops/api/ingest` (JSON ingestion with an operator API key). */
export const JsonIngestSchema = z.object({
  connection_id: z.string(),
  group: z.enum(["org", "pay"]),
  retrieved_at: z.iso.datetime().optional(),
  confirm: z.boolean().default(false),
  /** OrgSnapshotInput for org, PaySnapshotInput for pay (see contracts/linnet/snapshot-input.ts). */
  data: z.record(z.string(), z.unknown()),
});
