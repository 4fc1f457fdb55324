import { insertActivity } from "../../db/repositories/activity.repository.js";
import { findConnection, findEntityRows, markEntityDisconnected } from "../../db/repositories/connections.repository.js";
import { revokeTokensOfConnection } from "../../db/repositories/credentials.repository.js";
import { cancelTasksOfConnection } from "../assisted/tasks.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { transactional } from "../transactional.js";
import { transitionConnection } from "./transition.js";

/** Disconnect a connection with all its entities: every token of it stops working at once (`POST /disconnect`). */
export async function disconnectConnection(deps: Deps, connectionId: string, actor: string): Promise<Result<{ status: "success" }>> {
  const result = await transactional(deps.db, async (tx) => {
    const txDeps = { ...deps, db: tx };
    const connection = await findConnection(tx, connectionId);
    if (!connection) return fail("not_found", "Connection not found");
    if (connection.status !== "disconnected") {
      const moved = await transitionConnection(txDeps, connection, "disconnected", { actor, reason: "Disconnected by the application" });
      if (!moved.ok) return moved;
    }
    // a multi-entity connection's further entities go with it (their rows hold no tokens)
    for (const entity of await findEntityRows(tx, connectionId)) {
      if (entity.status !== "disconnected") await markEntityDisconnected(tx, entity.id, deps.clock.now(), "disconnected");
    }
    await revokeTokensOfConnection(tx, connectionId, deps.clock.now());
    await cancelTasksOfConnection({ ...deps, db: tx }, connectionId);
    await insertActivity(tx, {
      connectionId,
      actor,
      kind: "tokens_revoked",
      fromStatus: null,
      toStatus: null,
      message: "All access tokens of the connection were revoked",
      at: deps.clock.now(),
    });
    return ok({ status: "success" as const });
  });
  return result;
}
