/**
 * The event types Linnet sends to apps, as Finch names them (each `data` shape as the spec's webhook schemas):
 *
 * | event_type | data | produced by |
 * |---|---|---|
 * | `account.updated` | `{status, authentication_method: {type}, connection_status}` | every connection status change (connections/transition.ts) |
 * | `job.data_sync_all.completed` | `{job_id, job_url}` | an automated sync ending, success or error (commands/run-data-sync.ts) |
 * | `job.<type>.completed` | `{job_id, job_url, status}` | a manual job completed by operations (assisted/manual-jobs.ts) |
 * | `job.initial_data_sync_org.succeeded`, `job.initial_data_sync_payroll.succeeded` | `{job_id, job_url}` | a connection's first org / pay publish |
 * | `company.updated` | `{}` | a publish whose company record changed |
 * | `directory.*`, `individual.*`, `employment.*` (`created`, `updated`, `deleted`) | `{individual_id}` | org publish diff |
 * | `payment.*` | `{payment_id, pay_date}` | pay publish diff |
 * | `pay_statement.*` | `{payment_id, individual_id}` | pay publish diff |
 * | `test` | `{}` | the dashboard's "Send test event" |
 * | `intake.report_late` (Linnet extension) | `{report_kind, expected_at, last_file_at}` | a scheduled report later than cadence + grace (intake/lateness.ts) |
 *
 * Internal events (`task.overdue`, `connection.follow_up`, …) share the `events` table but are never sent.
 */

export { DATA_EVENT_TYPES } from "../../../contracts/linnet/webhook-event-types.js";

import { DATA_EVENT_TYPES, LINNET_EVENT_TYPES } from "../../../contracts/linnet/webhook-event-types.js";

/** Exact event types that are sent (job events match JOB_EVENT_PATTERN instead): Finch's and Linnet's extensions. */
export const SENT_EVENT_TYPES: readonly string[] = [...DATA_EVENT_TYPES, ...LINNET_EVENT_TYPES];

/** Job events: `job.<type>.completed` and `job.initial_data_sync_<org|payroll>.succeeded` (a POSIX regex for SQL too). */
export const JOB_EVENT_PATTERN = "^job\\.[a-z0-9_]+\\.(completed|succeeded)$";

/** Whether an event type is part of Finch's contract (and so sent to apps). */
export function isFinchEventType(type: string): boolean {
  return DATA_EVENT_TYPES.includes(type) || new RegExp(JOB_EVENT_PATTERN).test(type);
}
