import type { ApiKey, ConsoleUser, SessionResponse } from "../../../../contracts/linnet/console-auth.js";
import type { OperatorApiKeyRow } from "../../../db/repositories/operator-api-keys.repository.js";
import type { ConsoleUser as Actor } from "../../../domain/auth/actor.js";

/** A console user on the wire. */
export function presentUser(actor: Actor): ConsoleUser {
  return { id: actor.userId, email: actor.email, role: actor.role };
}

/** The session answer: who is signed in and the CSRF token to echo. */
export function presentSession(user: ConsoleUser, csrfToken: string): SessionResponse {
  return { user: { id: user.id, email: user.email, role: user.role }, csrf_token: csrfToken };
}

/** An API key on the wire: never the key, which is not stored. */
export function presentApiKey(row: OperatorApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}
