import type { TokenContext } from "../domain/connections/authenticate-token.js";
import type { ConnectionState } from "../domain/connections/status-machine.js";
import { transitionConnection } from "../domain/connections/transition.js";
import type { Deps } from "../domain/deps.js";
import { fail, ok, type Result } from "../domain/errors.js";
import { transactional } from "../domain/transactional.js";
import { publishSandboxData } from "./publish-sandbox-data.js";

/**
 * Command: `PUT /sandbox/connections/accounts`, simulate what the operations team or the provider would do to a
 * connection. Effects: the status move (connections/) and, back to connected, the data republished (every effect of
 * a publish).
 */
export async function setSandboxStatus(
  deps: Deps,
  ctx: TokenContext,
  status: Exclude<ConnectionState, "disconnected">,
): Promise<Result<true>> {
  const c = ctx.connection;
  if (c.connectionType !== "finch") return fail("invalid_request", "Sandbox endpoints work only on sandbox connections");
  if (c.status === status) return ok(true);
  const actor = `app:${ctx.application.id}`;
  if (status === "connected" && c.authMethod === "assisted" && !c.orgSnapshotId && !c.paySnapshotId) {
    // Completing assisted setup in the sandbox publishes the data, which is what moves the connection to connected.
    // a multi-entity connection's further entities get their data too (their rows follow the connection's status)
    for (const row of [...ctx.entities.filter((e) => e.status !== "disconnected"), c]) {
      const published = await publishSandboxData(deps, row);
      if (!published.ok) return published;
    }
    return ok(true);
  }
  const moved = await transactional(deps.db, (tx) =>
    transitionConnection({ ...deps, db: tx }, c, status, { actor, reason: "Set through the sandbox API" }),
  );
  return moved.ok ? ok(true) : moved;
}
