/**
 * The manual job machine: an operator starts a job, then completes it or records an error (or does so at once).
 * Complete and error are final. Moves are conditional updates, so two operators cannot both start or close one job.
 */
import { type ManualJobRow, updateManualJobFrom } from "../../db/repositories/manual-jobs.repository.js";
import type { JobStatus } from "../../db/schema/types/statuses.js";
import type { Deps } from "../deps.js";
import { ok, type Result } from "../errors.js";
import { canMove, defineMachine, refuseMove, TransitionRefused } from "../status/machine.js";

/** States of a manual job (Finch's `ManualAsyncJob.status`). */
export type ManualJobStatus = JobStatus;

/** Legal moves. */
export const MANUAL_JOB_MACHINE = defineMachine<ManualJobStatus, "manual_job">("manual_job", {
  pending: ["in_progress", "complete", "error"],
  in_progress: ["complete", "error"],
  complete: [],
  error: [],
});

/** The table of legal moves. */
export const MANUAL_JOB_TRANSITIONS = MANUAL_JOB_MACHINE.moves;

/** Whether a manual job may move from `from` to `to`. */
export function canMoveManualJob(from: ManualJobStatus, to: ManualJobStatus): boolean {
  return canMove(MANUAL_JOB_MACHINE, from, to);
}

/**
 * Move a job from its current state to `to` with the columns that change with it (in the caller's transaction).
 * Refused (`TransitionRefused`) when the table forbids it or the job already left that state.
 */
export async function transitionManualJob(
  deps: Pick<Deps, "db">,
  job: Pick<ManualJobRow, "id" | "status">,
  to: ManualJobStatus,
  patch: Partial<Pick<ManualJobRow, "body" | "assigneeId" | "startedAt" | "completedAt">> = {},
): Promise<Result<true>> {
  const refused = refuseMove(MANUAL_JOB_MACHINE, job.status, to);
  if (refused) return { ok: false, error: refused };
  if (!(await updateManualJobFrom(deps.db, job.id, job.status, { ...patch, status: to }))) {
    return { ok: false, error: new TransitionRefused(MANUAL_JOB_MACHINE.entity, job.status, to, "stale") };
  }
  return ok(true);
}
