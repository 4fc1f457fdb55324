import { CONNECTION_STATUSES } from "../../../../contracts/finch/introspect.js";

/**
 * Every status and state column's values, defined once. The schema types its columns with them (and holds them with
 * CHECK constraints); each domain machine file re-exports its own type and holds the moves between them.
 */

/** `automated_jobs.status` (domain/data-syncs/automated-job-machine.ts). */
export const AUTOMATED_JOB_STATUSES = ["pending", "in_progress", "complete", "error", "reauth_error", "permissions_error"] as const;
/** A data sync job's status. */
export type AutomatedJobStatus = (typeof AUTOMATED_JOB_STATUSES)[number];

/** `benefit_jobs.status` and `manual_jobs.status` (domain/benefits/benefit-job-machine.ts, domain/assisted/manual-job-machine.ts). */
export const JOB_STATUSES = ["pending", "in_progress", "complete", "error"] as const;
/** A deduction job's or a manual job's status (Finch's `ManualAsyncJob.status`). */
export type JobStatus = (typeof JOB_STATUSES)[number];

/** How a finished deduction or manual job ended (`sandbox_benefit_outcomes.completion_status`). */
export type JobOutcomeStatus = Extract<JobStatus, "complete" | "error">;
/** The two ends a sandbox deduction job may be configured to. */
export const JOB_OUTCOME_STATUSES = ["complete", "error"] as const satisfies readonly JobOutcomeStatus[];

/** `benefits.state`: pending until the creating job completes (domain/benefits/benefit-job-machine.ts). */
export const BENEFIT_STATES = ["pending", "active", "failed"] as const;
/** A deduction's state. */
export type BenefitState = (typeof BENEFIT_STATES)[number];

/** `benefit_jobs.verification_state` (null: not applicable or not complete yet). */
export const VERIFICATION_STATES = ["pending", "verified", "not_yet_visible", "mismatch"] as const;
/** Where the write-then-verify check of a job stands. */
export type VerificationState = (typeof VERIFICATION_STATES)[number];

/** `intake_files.status` (domain/intake/file-machine.ts). */
export const INTAKE_FILE_STATUSES = ["received", "published", "held", "rejected", "duplicate"] as const;
/** States of a delivered file. */
export type IntakeFileStatus = (typeof INTAKE_FILE_STATUSES)[number];

/** `assisted_tasks.status` (domain/assisted/task-machine.ts). */
export const TASK_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
/** States of a work-queue task. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** `connections.status` and `connection_activity.{from,to}_status`: the wire's statuses plus `disconnected` (domain/connections/status-machine.ts). */
export const CONNECTION_STATES = [...CONNECTION_STATUSES, "disconnected"] as const;
/** Every state a connection can be in: the API's ConnectionStatus values plus `disconnected`. */
export type ConnectionState = (typeof CONNECTION_STATES)[number];

/** `webhook_deliveries.state` (domain/webhooks/delivery-machine.ts). */
export const DELIVERY_STATES = ["pending", "delivered", "failed"] as const;
/** Delivery states. */
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** Entities whose moves are kept in `status_transitions`. */
export const TRANSITION_ENTITIES = ["upload", "automated_job", "benefit_job"] as const;
/** An entity with a transitions history. */
export type TransitionEntity = (typeof TRANSITION_ENTITIES)[number];

/** SQL `IN (…)` list of the values, for CHECK constraints (constants only, never input). */
export function sqlValues(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(", ");
}
