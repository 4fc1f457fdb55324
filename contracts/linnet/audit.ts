import { z } from "zod";

/** Every action the console's audit log records (`<what>.<verb>`), shared by server, console page and tests. */
export const AUDIT_ACTIONS = [
  "connection.status_changed",
  "connection.pull_failure_reported",
  "connection.disconnected",
  "connection.reauth_link_created",
  "upload.published",
  "upload.discarded",
  "upload.downloaded",
  "data.revealed",
  "ingest.published",
  "task.claimed",
  "task.released",
  "task.reassigned",
  "manual_job.started",
  "manual_job.completed",
  "application.secret_rotated",
  "application.settings_changed",
  "application.connect_link_created",
  "webhook_endpoint.created",
  "webhook_endpoint.changed",
  "webhook_endpoint.deleted",
  "webhook_endpoint.secret_rotated",
  "webhook_delivery.redelivered",
  "api_key.created",
  "api_key.revoked",
  "pull_source.saved",
  "pull_source.deleted",
] as const;

/** One audited action. */
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
/** An audited action name. */
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** `GET /ops/api/audit` (admins): filters and paging (newest first; `before` is the last id of the previous page). */
export const AuditQuerySchema = z.object({
  action: AuditActionSchema.optional(),
  actor: z.string().trim().max(200).optional(),
  /** Inclusive dates (YYYY-MM-DD, UTC). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** Parsed audit filters. */
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** One line of the audit log. */
export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({ user_id: z.string().nullable(), email: z.string(), role: z.string() }),
  action: AuditActionSchema,
  target: z.object({ type: z.string(), id: z.string().nullable() }),
  application_id: z.string().nullable(),
  connection_id: z.string().nullable(),
  summary: z.string(),
});
/** An audit line on the wire. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** A page of the audit log; `next_before` is null on the last page. */
export const AuditPageSchema = z.object({ entries: z.array(AuditEntrySchema), next_before: z.number().nullable() });
/** A page of audit lines. */
export type AuditPage = z.infer<typeof AuditPageSchema>;
