/** Event types a webhook endpoint can subscribe to (no zod: the dashboard bundle imports it). */

const CHANGES = ["created", "updated", "deleted"] as const;

/** Data-change and account events. */
export const DATA_EVENT_TYPES: readonly string[] = [
  "account.updated",
  "company.updated",
  ...["directory", "employment", "individual", "payment", "pay_statement"].flatMap((kind) => CHANGES.map((c) => `${kind}.${c}`)),
];

/** Job events Linnet sends (`job.<type>.completed` for every job type, and the two initial-sync ones). */
export const JOB_EVENT_TYPES: readonly string[] = [
  "job.data_sync_all.completed",
  "job.initial_data_sync_org.succeeded",
  "job.initial_data_sync_payroll.succeeded",
  ...["benefit_create", "benefit_enroll", "benefit_register", "benefit_unenroll", "benefit_update", "w4_form_employee_sync"].map(
    (t) => `job.${t}.completed`,
  ),
];

/**
 * Linnet extension events (not in Finch's contract; an app that checks event types ignores them):
 * `intake.report_late` `{report_kind: "census" | "payroll", expected_at, last_file_at}` when a scheduled report is
 * later than its cadence + grace.
 */
export const LINNET_EVENT_TYPES: readonly string[] = ["intake.report_late"];

/** Every type a developer can pick for an endpoint. */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [...DATA_EVENT_TYPES, ...JOB_EVENT_TYPES, ...LINNET_EVENT_TYPES];
