import { insertActivity } from "../../db/repositories/activity.repository.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { updateConnection } from "../../db/repositories/connections.repository.js";
import { insertEvent } from "../../db/repositories/events.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { type ConnectionState, canTransition, statusMessage } from "./status-machine.js";

/** Who moved a connection and why. */
export interface TransitionCause {
  /** `employer`, `app:<client_id>`, `user:<id>` or `system`. */
  actor: string;
  /** Why, in words, for the activity log. */
  reason: string;
  /** Overrides the default status message introspection shows. */
  message?: string;
}

/**
 * Move a connection to a new state: checks the state machine, then writes the row, the activity entry
 * and the `account.updated` event. Call it with a transaction handle in deps.db.
 */
export async function transitionConnection(
  deps: Pick<Deps, "db" | "clock" | "catalog" | "tokens">,
  connection: ConnectionRow,
  to: ConnectionState,
  cause: TransitionCause,
  extra: { accessConfirmedAt?: Date } = {},
): Promise<Result<ConnectionRow>> {
  const from = connection.status;
  if (!canTransition(from, to)) return fail("invalid_request", `A connection cannot move from ${from} to ${to}`);
  const now = deps.clock.now();
  const providerName = deps.catalog.get(connection.providerId)?.display_name ?? connection.providerId;
  const message = cause.message ?? statusMessage(to, providerName);
  // an assisted connection moving to processing or connected has working access, whoever says so (the employer in
  // Connect, an operator who verified it, or a publish, which proves it): record when, once
  const confirmsAccess =
    connection.authMethod === "assisted" && !connection.accessConfirmedAt && (to === "processing" || to === "connected");
  const accessConfirmedAt = extra.accessConfirmedAt ?? (confirmsAccess ? now : undefined);
  const patch = {
    status: to,
    statusMessage: message,
    ...(to === "disconnected" ? { disconnectedAt: now } : {}),
    ...(accessConfirmedAt ? { accessConfirmedAt } : {}),
  };
  await updateConnection(deps.db, connection.id, patch);
  await insertActivity(deps.db, {
    connectionId: connection.id,
    actor: cause.actor,
    kind: "status_changed",
    fromStatus: from,
    toStatus: to,
    message: cause.reason,
    at: now,
  });
  await insertEvent(deps.db, {
    type: "account.updated",
    applicationId: connection.applicationId,
    connectionId: connection.id,
    createdAt: now,
    payload: {
      authentication_method: { type: connection.authMethod },
      status: to,
      connection_status: to === "disconnected" ? undefined : { status: to, message },
    },
  });
  return ok({ ...connection, ...patch });
}
