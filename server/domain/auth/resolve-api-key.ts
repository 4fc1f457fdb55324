import { findOperatorApiKeyByHash, touchOperatorApiKey } from "../../db/repositories/operator-api-keys.repository.js";
import { findUserById } from "../../db/repositories/users.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { hashSecret } from "../security/secrets.js";
import type { ApiKeyActor } from "./actor.js";
import { API_KEY_PREFIX, TOUCH_INTERVAL_MS } from "./tokens.js";

const INVALID = "Invalid API key: it is unknown or was revoked";

/**
 * The user behind an operator API key; unknown and revoked keys answer 401. Failed password sign-ins do not touch
 * keys: they lock only the client address that made them (sign-in-throttle.ts).
 */
export async function resolveApiKey(deps: Pick<Deps, "db" | "clock">, key: string | undefined): Promise<Result<ApiKeyActor>> {
  if (!key?.startsWith(API_KEY_PREFIX)) return fail("unauthorized", INVALID);
  const row = await findOperatorApiKeyByHash(deps.db, hashSecret(key));
  if (!row || row.revokedAt) return fail("unauthorized", INVALID);
  const now = deps.clock.now();
  const user = await findUserById(deps.db, row.userId);
  if (!user) return fail("unauthorized", INVALID);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) await touchOperatorApiKey(deps.db, row.id, now);
  return ok({ kind: "api_key", userId: user.id, email: user.email, role: user.role, apiKeyId: row.id });
}
