import { findApplication } from "../../db/repositories/applications.repository.js";
import { type ConnectionRow, findConnection, findEntityRows } from "../../db/repositories/connections.repository.js";
import { findLiveToken } from "../../db/repositories/credentials.repository.js";
import type { CachedConnection } from "../caches/connection-state-cache.js";
import type { TokenIdentity } from "../caches/token-cache.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { hashSecret } from "../security/secrets.js";

/** What a valid bearer token grants: the token, its connection and its application. */
export interface TokenContext extends TokenIdentity {
  connection: ConnectionRow;
  /** A multi-entity connection's further entities (empty for nearly every connection); see entities.ts. */
  entities: ConnectionRow[];
}

/**
 * Resolve a bearer token; revoked tokens and disconnected connections answer 401. Two cached reads: the token's
 * identity (`deps.tokens`) and its connection's state (`readConnectionState`).
 */
export async function authenticateToken(
  deps: Pick<Deps, "db" | "clock" | "tokens" | "connectionState">,
  bearer: string | undefined,
): Promise<Result<TokenContext>> {
  if (!bearer) return fail("unauthorized", "Unauthorized request: no authentication given");
  const tokenHash = hashSecret(bearer);
  const identity = await deps.tokens.resolve(tokenHash, deps.clock.now().getTime(), () => lookUpToken(deps, tokenHash));
  if (!identity) return fail("invalid_token", "Invalid access token: it is unknown or was revoked");
  const state = await readConnectionState(deps, identity.token.connectionId);
  if (!state || state.connection.status === "disconnected")
    return fail("invalid_token", "Invalid access token: the connection is disconnected");
  return ok({ ...identity, ...state });
}

/**
 * The one reader of a connection's cached state (row and further entities). Not for use inside a transaction: it
 * reads through the database, and the cache is dropped only after a changing transaction commits.
 */
export function readConnectionState(
  deps: Pick<Deps, "db" | "clock" | "connectionState">,
  connectionId: string,
): Promise<CachedConnection | null> {
  return deps.connectionState.resolve(connectionId, deps.clock.now().getTime(), async () => {
    const connection = await findConnection(deps.db, connectionId);
    return connection ? { connection, entities: await findEntityRows(deps.db, connection.id) } : null;
  });
}

/** The token's identity: a live token and its application (null when either is missing). */
async function lookUpToken(deps: Pick<Deps, "db">, tokenHash: string): Promise<TokenIdentity | null> {
  const token = await findLiveToken(deps.db, tokenHash);
  const application = token ? await findApplication(deps.db, token.applicationId) : undefined;
  return token && application ? { token, application } : null;
}
