import { insertActivity } from "../db/repositories/activity.repository.js";
import { findConnection } from "../db/repositories/connections.repository.js";
import { insertEvent } from "../db/repositories/events.repository.js";
import type { JobOutcomeStatus } from "../db/schema/types/statuses.js";
import { transitionManualJob } from "../domain/assisted/manual-job-machine.js";
import { movable } from "../domain/assisted/manual-jobs.js";
import { type JobItem, onManualJobCompleted } from "../domain/benefits/benefit-jobs.js";
import type { Deps } from "../domain/deps.js";
import { fail, ok, type Result } from "../domain/errors.js";
import { transactional } from "../domain/transactional.js";

/*
 * Completing a manual job is kept apart from manual-jobs.ts: the kinds of jobs (today deduction writes) import
 * manual-jobs.ts to create and read their jobs, and completion calls back into them, so it lives above both.
 */

/**
 * Command: an operator closes a manual job with per-item results. Effects, in one transaction: the job's move
 * (assisted/), the kind's outcome (benefits/ `onManualJobCompleted`: deduction state, verification), the
 * `job.<type>.completed` event for webhooks and the activity entry.
 */
export async function completeManualJob(
  deps: Pick<Deps, "db" | "clock" | "config">,
  userId: string,
  jobId: string,
  outcome: { status: JobOutcomeStatus; body: JobItem[] },
): Promise<Result<true>> {
  const job = await movable(deps, jobId, outcome.status);
  if (!job.ok) return job;
  const conn = await findConnection(deps.db, job.value.connectionId);
  if (!conn) return fail("not_found", "Connection not found");
  const now = deps.clock.now();
  return transactional(deps.db, async (tx) => {
    const moved = await transitionManualJob({ db: tx }, job.value, outcome.status, {
      body: outcome.body,
      completedAt: now,
      assigneeId: job.value.assigneeId ?? userId,
    });
    if (!moved.ok) return moved; // another operator closed it first: nothing of this one is kept
    const applied = await onManualJobCompleted({ db: tx, clock: deps.clock }, job.value, outcome, `user:${userId}`);
    if (!applied.ok) return applied;
    await insertEvent(tx, {
      type: `job.${job.value.type}.completed`,
      applicationId: conn.applicationId,
      connectionId: conn.id,
      createdAt: now,
      payload: { job_id: jobId, job_url: `${deps.config.publicUrl}/jobs/manual/${jobId}`, status: outcome.status },
    });
    await insertActivity(tx, {
      connectionId: conn.id,
      actor: `user:${userId}`,
      kind: "manual_job",
      fromStatus: null,
      toStatus: null,
      message: `Manual job ${job.value.type} ${outcome.status}`,
      at: now,
    });
    return ok(true as const);
  });
}
