/**
 * A move of an entity whose history is kept (`status_transitions`): checked against its machine, written only while
 * the row is still in `from`, and recorded in the same transaction.
 */
import type { Db } from "../../db/client.js";
import { insertStatusTransition } from "../../db/repositories/status-transitions.repository.js";
import type { TransitionEntity } from "../../db/schema/types/statuses.js";
import type { Deps } from "../deps.js";
import { ok, type Result } from "../errors.js";
import { transactional } from "../transactional.js";
import { type Machine, refuseMove, TransitionRefused } from "./machine.js";

/** One move to make and record. */
export interface RecordedMove<S extends string> {
  /** The row's id. */
  id: string;
  from: S;
  to: S;
  /** Who moved it (`user:<id>`, `system`…). */
  actor: string;
  /** Why, in words (optional). */
  reason?: string | null;
}

/**
 * Move `id` from `from` to `to`: `write(tx)` must update the row only while it is still in `from` and say whether it
 * did. An illegal move, or one another move beat, is a `TransitionRefused` and changes nothing.
 */
export async function recordedMove<S extends string>(
  deps: Pick<Deps, "db" | "clock">,
  machine: Machine<S> & { entity: TransitionEntity },
  move: RecordedMove<S>,
  write: (tx: Db) => Promise<boolean>,
): Promise<Result<true>> {
  const refused = refuseMove(machine, move.from, move.to);
  if (refused) return { ok: false, error: refused };
  return transactional(deps.db, async (tx) => {
    if (!(await write(tx))) return { ok: false, error: new TransitionRefused(machine.entity, move.from, move.to, "stale") };
    const at = deps.clock.now();
    await insertStatusTransition(tx, {
      entity: machine.entity,
      entityId: move.id,
      fromStatus: move.from,
      toStatus: move.to,
      actor: move.actor,
      at,
      reason: move.reason ?? null,
    });
    return ok(true as const);
  });
}
