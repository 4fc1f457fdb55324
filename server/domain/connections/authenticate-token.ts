import { type ApplicationRow, findApplication } from "../../db/repositories/applications.repository.js";
import { type ConnectionRow, findConnection, findEntityRows } from "../../db/repositories/connections.repository.js";
import { findLiveToken, type TokenRow } from "../../db/repositories/credentials.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { hashSecret } from "../security/secrets.js";

/** What a valid bearer token grants: the token, its connection and its application. */
export interface TokenContext {
  token: TokenRow;
  connection: ConnectionRow;
  application: ApplicationRow;
  /** A multi-entity connection's further entities (empty for nearly every connection); see entities.ts. */
  entities: ConnectionRow[];
}

/** Resolve a bearer token; revoked tokens and disconnected connections answer 401. */
export async function authenticateToken(deps: Pick<Deps, "db" | "tokens">, bearer: string | undefined): Promise<Result<TokenContext>> {
  if (!bearer) return fail("unauthorized", "Unauthorized request: no authentication given");
  const tokenHash = hashSecret(bearer);
  return deps.tokens.resolve(tokenHash, Date.now(), () => lookUpToken(deps, tokenHash));
}

/** The queries behind a token: live token, connection (not disconnected), application, further entities. */
async function lookUpToken(deps: Pick<Deps, "db">, tokenHash: string): Promise<Result<TokenContext>> {
  const token = await findLiveToken(deps.db, tokenHash);
  if (!token) return fail("invalid_token", "Invalid access token: it is unknown or was revoked");
  const connection = await findConnection(deps.db, token.connectionId);
  if (!connection || connection.status === "disconnected") return fail("invalid_token", "Invalid access token: the connection is disconnected");
  const application = await findApplication(deps.db, token.applicationId);
  if (!application) return fail("invalid_token", "Invalid access token");
  return ok({ token, connection, application, entities: await findEntityRows(deps.db, connection.id) });
}
