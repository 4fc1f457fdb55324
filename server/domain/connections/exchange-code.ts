import { randomUUID } from "node:crypto";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import type { ApplicationRow } from "../../db/repositories/applications.repository.js";
import { type ConnectionRow, findConnection } from "../../db/repositories/connections.repository.js";
import { consumeCode, findCode, insertToken } from "../../db/repositories/credentials.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { hashSecret, newAccessToken } from "../security/secrets.js";
import { transactional } from "../transactional.js";

/** A new access token with the connection it opens (`POST /auth/token`'s answer; presented in api/presenters/). */
export interface IssuedToken {
  accessToken: string;
  connection: ConnectionRow;
  application: ApplicationRow;
}

const INVALID_GRANT = "Invalid authorization code: it is unknown, expired, already used or issued to another application";

/** Exchange an authorization code for a long-lived access token (`POST /auth/token`). */
export async function exchangeCode(
  deps: Deps,
  app: ApplicationRow,
  input: { code: string; redirect_uri?: string },
): Promise<Result<IssuedToken>> {
  const codeHash = hashSecret(input.code);
  const code = await findCode(deps.db, codeHash);
  const now = deps.clock.now();
  if (!code || code.applicationId !== app.id || code.usedAt || code.expiresAt <= now) return fail("invalid_grant", INVALID_GRANT);
  // RFC 6749 §4.1.3: a code issued for a redirect URI is only exchanged by a request that repeats it
  if (code.redirectUri && input.redirect_uri === undefined) {
    return fail("invalid_grant", "redirect_uri: required, because the Connect session or link that issued this code had one");
  }
  if (input.redirect_uri !== undefined) {
    const expected = code.redirectUri;
    const matches = expected ? input.redirect_uri === expected : app.redirectUris.includes(input.redirect_uri);
    if (!matches) return fail("invalid_grant", "redirect_uri: does not match the redirect URI the code was issued for");
  }
  const token = newAccessToken();
  const result = await transactional(deps.db, async (tx): Promise<Result<IssuedToken>> => {
    if (!(await consumeCode(tx, codeHash, now))) return fail("invalid_grant", INVALID_GRANT);
    const connection = await findConnection(tx, code.connectionId);
    if (!connection || connection.status === "disconnected") return fail("invalid_grant", "The connection for this code is disconnected");
    await insertToken(tx, {
      id: randomUUID(),
      tokenHash: hashSecret(token),
      applicationId: app.id,
      connectionId: connection.id,
      createdAt: now,
    });
    await insertActivity(tx, {
      connectionId: connection.id,
      actor: `app:${app.id}`,
      kind: "token_issued",
      fromStatus: null,
      toStatus: null,
      message: "Access token issued for the authorization code",
      at: now,
    });
    return ok({ accessToken: token, connection, application: app });
  });
  return result;
}
