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
  return verdict(identity, await readConnectionState(deps, identity.token.connectionId));
}

/**
 * `authenticateToken`'s answer without a promise when the token's identity and its connection's state are both
 * cached and fresh; undefined when either is not (call `authenticateToken`, which looks them up). The fast read path
 * answers most requests through this, with no asynchronous step between the request and its answer.
 */
export function authenticateCachedToken(
  deps: Pick<Deps, "clock" | "tokens" | "connectionState">,
  bearer: string,
): Result<TokenContext> | undefined {
  const nowMs = deps.clock.now().getTime();
  const identity = deps.tokens.peek(hashSecret(bearer), nowMs);
  if (!identity) return undefined;
  const state = deps.connectionState.peek(identity.token.connectionId, nowMs);
  return state ? verdict(identity, state) : undefined;
}

/**
 * Verdicts already reached, by the cached objects they were reached from. A cached identity or state is never
 * changed in place (a change replaces the cache entry with a new object), so the same pair always gives the same
 * verdict: the fast read path then allocates nothing to authenticate a request. An entry lives as long as its state
 * object; nothing here can be stale.
 */
const verdicts = new WeakMap<CachedConnection, WeakMap<TokenIdentity, Result<TokenContext>>>();

/** A known token's answer, given its connection's state (null: the connection is gone). */
function verdict(identity: TokenIdentity, state: CachedConnection | null): Result<TokenContext> {
  if (!state || state.connection.status === "disconnected")
    return fail("invalid_token", "Invalid access token: the connection is disconnected");
  let byIdentity = verdicts.get(state);
  if (!byIdentity) {
    byIdentity = new WeakMap();
    verdicts.set(state, byIdentity);
  }
  let result = byIdentity.get(identity);
  if (!result) {
    result = ok({ ...identity, ...state });
    byIdentity.set(identity, result);
  }
  return result;
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
