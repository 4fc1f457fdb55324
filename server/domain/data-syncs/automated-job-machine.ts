/**
 * The automated job (data sync) machine. A job is queued `pending`; the worker that runs it moves it to
 * `in_progress` (one worker wins: the move is a conditional update); the run ends it `complete` or with one of the
 * three errors. The four ends are final. Every move is kept in `status_transitions`.
 */
import { type AutomatedJobRow, updateAutomatedJobFrom } from "../../db/repositories/automated-jobs.repository.js";
import type { AutomatedJobStatus } from "../../db/schema/types/statuses.js";
import type { Deps } from "../deps.js";
import type { Result } from "../errors.js";
import { canMove, defineMachine } from "../status/machine.js";
import { recordedMove } from "../status/recorded-move.js";

export type { AutomatedJobStatus };

/** Legal moves. A job that never started may still fail (its connection is gone before a worker takes it). */
export const AUTOMATED_JOB_MACHINE = defineMachine<AutomatedJobStatus, "automated_job">("automated_job", {
  pending: ["in_progress", "error"],
  in_progress: ["complete", "error", "reauth_error", "permissions_error"],
  complete: [],
  error: [],
  reauth_error: [],
  permissions_error: [],
});

/** Whether a job may move from `from` to `to`. */
export function canMoveAutomatedJob(from: AutomatedJobStatus, to: AutomatedJobStatus): boolean {
  return canMove(AUTOMATED_JOB_MACHINE, from, to);
}

/**
 * Move a job from `from` to `to` with the columns that change with it, recording the move in the same transaction.
 * Refused (`TransitionRefused`) when the table forbids it or the job already left `from`.
 */
export async function transitionAutomatedJob(
  deps: Pick<Deps, "db" | "clock">,
  job: Pick<AutomatedJobRow, "id">,
  from: AutomatedJobStatus,
  to: AutomatedJobStatus,
  patch: Partial<Pick<AutomatedJobRow, "error" | "startedAt" | "completedAt">> = {},
  opts: { actor?: string; reason?: string | null } = {},
): Promise<Result<true>> {
  const move = { id: job.id, from, to, actor: opts.actor ?? "system", reason: opts.reason ?? null };
  return recordedMove(deps, AUTOMATED_JOB_MACHINE, move, (tx) => updateAutomatedJobFrom(tx, job.id, from, { ...patch, status: to }));
}
