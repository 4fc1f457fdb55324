import type { AutomatedJobRow } from "../../db/repositories/automated-jobs.repository.js";
import { jobUrl, type SyncRequestOutcome } from "../../domain/data-syncs/automated-sync.js";
import type { Deps } from "../../domain/deps.js";

/** `POST /jobs/automated`'s body (also `POST /sandbox/jobs`'s, without `retry_at`). */
export interface SyncRequestBody {
  job_id?: string;
  job_url?: string;
  allowed_refreshes: number;
  remaining_refreshes: number;
  retry_at?: string;
}

/** A job as `GET /jobs/automated` and `GET /jobs/automated/{job_id}` show it. */
export interface AutomatedJobBody {
  job_id: string;
  job_url: string;
  type: "data_sync_all" | "w4_form_employee_sync";
  status: string;
  created_at: string;
  scheduled_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  params: Record<string, unknown> | null;
}

/** HTTP status of each sync request outcome on `POST /jobs/automated`. */
const SYNC_STATUS = { created: 201, already_running: 202, quota_exhausted: 429 } as const;

/** The body of a sync request that queued or found a job: the job and the quota (`POST /sandbox/jobs` answers only these). */
export function presentQueuedSync(
  deps: Pick<Deps, "config">,
  outcome: Exclude<SyncRequestOutcome, { kind: "quota_exhausted" }>,
): Required<Omit<SyncRequestBody, "retry_at">> {
  return {
    job_id: outcome.jobId,
    job_url: jobUrl(deps, outcome.jobId),
    allowed_refreshes: outcome.allowed,
    remaining_refreshes: outcome.remaining,
  };
}

/** The body of a sync request's answer: the job and the quota, or the quota and when to retry. */
export function presentSyncRequestBody(deps: Pick<Deps, "config">, outcome: SyncRequestOutcome): SyncRequestBody {
  if (outcome.kind === "quota_exhausted") {
    return { allowed_refreshes: outcome.allowed, remaining_refreshes: outcome.remaining, retry_at: outcome.retryAt.toISOString() };
  }
  return presentQueuedSync(deps, outcome);
}

/** Seconds until `at`, rounded up (the `Retry-After` of a used-up quota). */
export function secondsUntil(at: Date, now: Date): number {
  return Math.ceil((at.getTime() - now.getTime()) / 1000);
}

/** `POST /jobs/automated`'s answer: 201 queued, 202 already queued, 429 over the hourly quota (with `Retry-After`). */
export function presentSyncRequest(
  deps: Pick<Deps, "config" | "clock">,
  outcome: SyncRequestOutcome,
): { status: 201 | 202 | 429; headers: Record<string, string>; body: SyncRequestBody } {
  const headers: Record<string, string> =
    outcome.kind === "quota_exhausted" ? { "retry-after": String(secondsUntil(outcome.retryAt, deps.clock.now())) } : {};
  return { status: SYNC_STATUS[outcome.kind], headers, body: presentSyncRequestBody(deps, outcome) };
}

/** A stored automated job as the API shows it. */
export function presentAutomatedJob(deps: Pick<Deps, "config">, j: AutomatedJobRow): AutomatedJobBody {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    job_id: j.id,
    job_url: jobUrl(deps, j.id),
    type: j.type,
    status: j.status,
    created_at: j.createdAt.toISOString(),
    scheduled_at: iso(j.scheduledAt),
    started_at: iso(j.startedAt),
    completed_at: iso(j.completedAt),
    params: j.params,
  };
}
