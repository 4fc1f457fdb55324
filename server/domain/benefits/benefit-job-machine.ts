/**
 * The deduction job machine and the deduction's own states. A job is `pending` from the write until it ends
 * `complete` or `error` (sandbox automated jobs on pg-boss, assisted ones when the operator closes the manual job of
 * the same id); `in_progress` is allowed for providers that report it. Every move of a job is kept in
 * `status_transitions`. A deduction created by a write is `pending` until its job ends, then `active` or `failed`.
 */
import { type BenefitJobRow, type BenefitRow, updateBenefitFrom, updateBenefitJobFrom } from "../../db/repositories/benefits.repository.js";
import type { BenefitState, JobStatus } from "../../db/schema/types/statuses.js";
import type { Deps } from "../deps.js";
import { ok, type Result } from "../errors.js";
import { canMove, defineMachine, refuseMove, TransitionRefused } from "../status/machine.js";
import { recordedMove } from "../status/recorded-move.js";

export type { BenefitState };

/** States of a deduction job (Finch's `ManualAsyncJob.status`). */
export type BenefitJobStatus = JobStatus;

/** Legal moves of a deduction job. */
export const BENEFIT_JOB_MACHINE = defineMachine<BenefitJobStatus, "benefit_job">("benefit_job", {
  pending: ["in_progress", "complete", "error"],
  in_progress: ["complete", "error"],
  complete: [],
  error: [],
});

/** Legal moves of a deduction: its creating job decides whether it becomes active. */
export const BENEFIT_STATE_MACHINE = defineMachine<BenefitState, "benefit">("benefit", {
  pending: ["active", "failed"],
  active: [],
  failed: [],
});

/** Whether a deduction job may move from `from` to `to`. */
export function canMoveBenefitJob(from: BenefitJobStatus, to: BenefitJobStatus): boolean {
  return canMove(BENEFIT_JOB_MACHINE, from, to);
}

/**
 * Move a job from its current state to `to` with the columns that change with it, recording the move in the same
 * transaction. Refused (`TransitionRefused`) when the table forbids it or the job already left that state.
 */
export async function transitionBenefitJob(
  deps: Pick<Deps, "db" | "clock">,
  job: Pick<BenefitJobRow, "id" | "status">,
  to: BenefitJobStatus,
  patch: Partial<Pick<BenefitJobRow, "body" | "completedAt" | "verificationState" | "verification">> = {},
  actor = "system",
): Promise<Result<true>> {
  const move = { id: job.id, from: job.status, to, actor };
  return recordedMove(deps, BENEFIT_JOB_MACHINE, move, (tx) => updateBenefitJobFrom(tx, job.id, job.status, { ...patch, status: to }));
}

/** Move a deduction from `from` to `to` (in the caller's transaction); refused like any machine's move. */
export async function transitionBenefit(
  deps: Pick<Deps, "db" | "clock">,
  benefitId: BenefitRow["id"],
  from: BenefitState,
  to: BenefitState,
): Promise<Result<true>> {
  const refused = refuseMove(BENEFIT_STATE_MACHINE, from, to);
  if (refused) return { ok: false, error: refused };
  if (!(await updateBenefitFrom(deps.db, benefitId, from, { state: to, updatedAt: deps.clock.now() }))) {
    return { ok: false, error: new TransitionRefused(BENEFIT_STATE_MACHINE.entity, from, to, "stale") };
  }
  return ok(true);
}
