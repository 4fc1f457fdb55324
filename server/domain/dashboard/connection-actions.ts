import type { ConnectLink } from "../../../contracts/linnet/dashboard.js";
import type { ApplicationRow } from "../../db/repositories/applications.repository.js";
import { createReauthSession } from "../connections/create-session.js";
import { disconnectConnection } from "../connections/disconnect.js";
import type { Deps } from "../deps.js";
import { ok, type Result } from "../errors.js";
import { connectionOfApplication } from "./connections.js";

/** A reauthentication Connect link for one of the application's connections (as `POST /connect/sessions/reauthenticate`). */
export async function createReauthLink(deps: Deps, app: ApplicationRow, connectionId: string): Promise<Result<ConnectLink>> {
  const found = await connectionOfApplication(deps, app.id, connectionId);
  if (!found.ok) return found;
  return createReauthSession(deps, app, { connection_id: found.value.connection.id });
}

/** Disconnect one of the application's connections on a developer's behalf: every token of it stops working. */
export async function disconnectFromDashboard(
  deps: Deps,
  app: ApplicationRow,
  connectionId: string,
  userId: string,
): Promise<Result<void>> {
  const found = await connectionOfApplication(deps, app.id, connectionId);
  if (!found.ok) return found;
  const done = await disconnectConnection(deps, found.value.connection.id, `user:${userId}`);
  return done.ok ? ok(undefined) : done;
}
