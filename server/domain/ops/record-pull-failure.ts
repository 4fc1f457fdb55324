import { insertActivity } from "../../db/repositories/activity.repository.js";
import { findConnection, recordFailedSyncAttempt } from "../../db/repositories/connections.repository.js";
import { type DataProduct, PRODUCT_GROUP } from "../connections/product-rules.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { transactional } from "../transactional.js";

/**
 * An operator tried to pull a group's data and could not (the employer's system was down, the login failed, an
 * export came back empty) but the connection itself stands. The data already published stays served; apps see the
 * failed try in `Finch-Last-Attempted-Update-*`, and the activity log keeps the reason. The refresh task stays open.
 */
export async function recordPullFailure(
  deps: Pick<Deps, "db" | "clock" | "tokens">,
  userId: string,
  connectionId: string,
  failure: { group: "org" | "pay"; reason: string },
): Promise<Result<true>> {
  const connection = isUuid(connectionId) ? await findConnection(deps.db, connectionId) : undefined;
  if (!connection) return fail("not_found", "Connection not found");
  if (connection.status === "disconnected") return fail("invalid_request", "status: the connection is disconnected");
  if (!connection.products.some((p) => PRODUCT_GROUP[p as DataProduct] === failure.group)) {
    return fail("invalid_request", `group: this connection has no ${failure.group} products`);
  }
  const now = deps.clock.now();
  const done = await transactional(deps.db, async (tx) => {
    await recordFailedSyncAttempt(tx, connection.id, now, failure.group);
    const what = failure.group === "org" ? "organization" : "pay";
    await insertActivity(tx, {
      connectionId: connection.id,
      actor: `user:${userId}`,
      kind: "pull_failed",
      fromStatus: null,
      toStatus: null,
      message: `Could not pull ${what} data: ${failure.reason}`,
      at: now,
    });
    return ok(true as const);
  });
  return done;
}
