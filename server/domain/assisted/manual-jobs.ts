import { randomUUID } from "node:crypto";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { findManualJob, insertManualJob, type ManualJobRow } from "../../db/repositories/manual-jobs.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { canMoveManualJob, type ManualJobStatus, transitionManualJob } from "./manual-job-machine.js";

export { MANUAL_JOB_TRANSITIONS, type ManualJobStatus } from "./manual-job-machine.js";

/** `at` plus `days` business days (weekends skipped): writes on assisted connections are due in two. */
export function addBusinessDays(at: Date, days: number): Date {
  const d = new Date(at);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d;
}

/** Queue a write for an operator to carry out in the employer's system (call in the write's transaction). */
export async function createManualJob(
  deps: Pick<Deps, "db" | "clock">,
  connection: ConnectionRow,
  type: string,
  request: Record<string, unknown>,
): Promise<ManualJobRow> {
  const now = deps.clock.now();
  const row: ManualJobRow = {
    id: randomUUID(),
    connectionId: connection.id,
    type,
    status: "pending",
    request,
    body: null,
    dueAt: addBusinessDays(now, 2),
    assigneeId: null,
    createdAt: now,
    startedAt: null,
    completedAt: null,
  };
  await insertManualJob(deps.db, row);
  await insertActivity(deps.db, {
    connectionId: connection.id,
    actor: `app:${connection.applicationId}`,
    kind: "manual_job",
    fromStatus: null,
    toStatus: null,
    message: `Manual job ${type} queued`,
    at: now,
  });
  return row;
}

/** `GET /jobs/manual/{job_id}`: a job of the token's connection. */
export async function readManualJob(
  deps: Pick<Deps, "db">,
  ctx: { connection: Pick<ConnectionRow, "id"> },
  jobId: string,
): Promise<Result<{ job_id: string; status: ManualJobStatus; body: unknown[] | null }>> {
  const job = isUuid(jobId) ? await findManualJob(deps.db, jobId) : undefined;
  if (!job || job.connectionId !== ctx.connection.id) return fail("not_found", `could not find job with id '${jobId}'`);
  return ok({ job_id: job.id, status: job.status, body: job.body });
}

/** The job, if it may move to `to`. */
export async function movable(deps: Pick<Deps, "db">, jobId: string, to: ManualJobStatus): Promise<Result<ManualJobRow>> {
  const job = isUuid(jobId) ? await findManualJob(deps.db, jobId) : undefined;
  if (!job) return fail("not_found", "Manual job not found");
  if (!canMoveManualJob(job.status, to)) return fail("invalid_request", `A ${job.status} job cannot become ${to}`);
  return ok(job);
}

/** An operator starts carrying out a job. */
export async function startManualJob(deps: Pick<Deps, "db" | "clock">, userId: string, jobId: string): Promise<Result<true>> {
  const job = await movable(deps, jobId, "in_progress");
  if (!job.ok) return job;
  return transitionManualJob(deps, job.value, "in_progress", { assigneeId: userId, startedAt: deps.clock.now() });
}
