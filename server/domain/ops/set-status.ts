import { findConnection, recordFailedSyncAttempt } from "../../db/repositories/connections.repository.js";
import { disconnectConnection } from "../connections/disconnect.js";
import type { ConnectionState } from "../connections/status-machine.js";
import { transitionConnection } from "../connections/transition.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { transactional } from "../transactional.js";

/** The states an operator sets when a pull could not be made. */
const FAILED_PULL_STATES = new Set<ConnectionState>(["reauth", "error_permissions", "error_no_account_setup"]);

/**
 * An operator moves a connection (access verified, no invite arrived, wrong permissions, …) with a reason for the
 * timeline. `connected` is refused: publishing the first data is what connects an assisted connection.
 */
export async function operatorSetStatus(
  deps: Deps,
  userId: string,
  connectionId: string,
  to: ConnectionState,
  reason: string,
): Promise<Result<true>> {
  const connection = isUuid(connectionId) ? await findConnection(deps.db, connectionId) : undefined;
  if (!connection) return fail("not_found", "Connection not found");
  const actor = `user:${userId}`;
  if (to === "disconnected") {
    const done = await disconnectConnection(deps, connection.id, actor);
    return done.ok ? ok(true) : done;
  }
  if (to === "connected" && !connection.orgSnapshotId && !connection.paySnapshotId) {
    return fail("invalid_request", "status: publish the first data to connect this connection");
  }
  const moved = await transactional(deps.db, async (tx) => {
    const result = await transitionConnection({ ...deps, db: tx }, connection, to, { actor, reason });
    // losing access to a connection that has data is a failed pull: apps see it in Finch-Last-Attempted-Update-*
    if (result.ok && FAILED_PULL_STATES.has(to) && (connection.orgSnapshotId || connection.paySnapshotId)) {
      await recordFailedSyncAttempt(tx, connection.id, deps.clock.now());
    }
    return result;
  });
  return moved.ok ? ok(true) : moved;
}
