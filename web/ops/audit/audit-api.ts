import type { AuditAction, AuditPage } from "../../../contracts/linnet/audit.js";
import { consoleFetch, queryString } from "../../console/console-fetch.js";

/** The audit page's calls to `/ops/api/audit` (admins only). */

/** The audit page's filters, as typed in the form. */
export interface AuditFilters {
  action: string;
  actor: string;
  from: string;
  to: string;
}

const params = (f: AuditFilters) => ({
  action: f.action || undefined,
  actor: f.actor.trim() || undefined,
  from: f.from || undefined,
  to: f.to || undefined,
});

/** One page, newest first, before the line `before`. */
export function listAudit(filters: AuditFilters, before: number | null): Promise<AuditPage> {
  return consoleFetch<AuditPage>(`/ops/api/audit${queryString({ ...params(filters), before: before ?? undefined, limit: 25 })}`);
}

/** The CSV download of every line the filters match. */
export const auditCsvUrl = (filters: AuditFilters) => `/ops/api/audit.csv${queryString(params(filters))}`;

/** Each action in words, for the filter and the table. */
export const AUDIT_ACTION_WORDS: Record<AuditAction, string> = {
  "connection.status_changed": "Changed a connection's status",
  "connection.pull_failure_reported": "Reported a failed pull",
  "connection.disconnected": "Disconnected a connection",
  "connection.reauth_link_created": "Created a reauthentication link",
  "upload.published": "Published an upload",
  "upload.discarded": "Discarded an upload",
  "upload.downloaded": "Downloaded an upload",
  "data.revealed": "Revealed sealed data",
  "ingest.published": "Published data as JSON",
  "task.claimed": "Claimed a task",
  "task.released": "Released a task",
  "task.reassigned": "Reassigned a task",
  "manual_job.started": "Started a manual job",
  "manual_job.completed": "Completed a manual job",
  "application.secret_rotated": "Rotated a client secret",
  "application.settings_changed": "Changed application settings",
  "application.connect_link_created": "Created a Connect link",
  "webhook_endpoint.created": "Registered a webhook endpoint",
  "webhook_endpoint.changed": "Changed a webhook endpoint",
  "webhook_endpoint.deleted": "Deleted a webhook endpoint",
  "webhook_endpoint.secret_rotated": "Rotated a webhook secret",
  "webhook_delivery.redelivered": "Sent a webhook again",
  "api_key.created": "Created an API key",
  "api_key.revoked": "Revoked an API key",
  "pull_source.saved": "Saved a pull source",
  "pull_source.deleted": "Removed a pull source",
};
