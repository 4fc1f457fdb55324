/**
 * The delivered file machine. A file is `received` until processed; processing publishes it, holds it for review,
 * rejects it or recognises bytes already delivered. Moves are conditional updates on top of the row lock processing
 * takes, so a move from a state the file already left is refused instead of overwriting it.
 */
import { type IntakeFileRow, updateIntakeFileFrom } from "../../db/repositories/intake.repository.js";
import type { IntakeFileStatus } from "../../db/schema/types/statuses.js";
import type { Deps } from "../deps.js";
import { ok, type Result } from "../errors.js";
import { canMove, defineMachine, refuseMove, TransitionRefused } from "../status/machine.js";

export type { IntakeFileStatus };

/**
 * Legal moves: a received file is published, held for review, rejected (unreadable, or its connection is gone) or
 * recognised as bytes already delivered. A held file is published anyway, rejected, or re-run (back to received,
 * after its recipe was fixed). Published, rejected and duplicate are final.
 */
export const FILE_MACHINE = defineMachine<IntakeFileStatus, "intake_file">("intake_file", {
  received: ["published", "held", "rejected", "duplicate"],
  held: ["published", "rejected", "received"],
  published: [],
  rejected: [],
  duplicate: [],
});

/** The table of legal moves. */
export const FILE_TRANSITIONS = FILE_MACHINE.moves;

/** Whether a file may move from `from` to `to`. */
export function canMoveFile(from: IntakeFileStatus, to: IntakeFileStatus): boolean {
  return canMove(FILE_MACHINE, from, to);
}

/** Move a file from its current state to `to` with the columns that change with it (in the caller's transaction). */
export async function transitionIntakeFile(
  deps: Pick<Deps, "db">,
  file: Pick<IntakeFileRow, "id" | "status">,
  to: IntakeFileStatus,
  patch: Partial<Omit<IntakeFileRow, "id" | "connectionId" | "status">> = {},
): Promise<Result<true>> {
  const refused = refuseMove(FILE_MACHINE, file.status, to);
  if (refused) return { ok: false, error: refused };
  if (!(await updateIntakeFileFrom(deps.db, file.id, file.status, { ...patch, status: to }))) {
    return { ok: false, error: new TransitionRefused(FILE_MACHINE.entity, file.status, to, "stale") };
  }
  return ok(true);
}

/**
 * The same move where the caller holds the file's row lock in the state it read: a refusal there is a bug, so it is
 * thrown (and rolls the caller's transaction back) rather than returned.
 */
export async function moveLockedFile(
  deps: Pick<Deps, "db">,
  file: Pick<IntakeFileRow, "id" | "status">,
  to: IntakeFileStatus,
  patch: Partial<Omit<IntakeFileRow, "id" | "connectionId" | "status">> = {},
): Promise<void> {
  const moved = await transitionIntakeFile(deps, file, to, patch);
  if (!moved.ok) throw moved.error;
}
