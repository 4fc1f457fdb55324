import { randomUUID } from "node:crypto";
import {
  findOperatorApiKey,
  insertOperatorApiKey,
  listOperatorApiKeys,
  type OperatorApiKeyRow,
  revokeOperatorApiKey,
} from "../../db/repositories/operator-api-keys.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { hashSecret } from "../security/secrets.js";
import type { ConsoleUser } from "./actor.js";
import { can } from "./policy.js";
import { newApiKey } from "./tokens.js";

/** A new key: the row, and the key itself, which is shown this once and never again. */
export interface CreatedApiKey {
  row: OperatorApiKeyRow;
  key: string;
}

/** Create an API key for the actor's own automation (operators and admins). */
export async function createApiKey(deps: Pick<Deps, "db" | "clock">, actor: ConsoleUser, name: string): Promise<Result<CreatedApiKey>> {
  if (!can(actor, "ops.write")) return fail("insufficient_scope", `The ${actor.role} role cannot create operator API keys`);
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) return fail("invalid_request", "name: must be 1 to 100 characters");
  const key = newApiKey();
  const row: OperatorApiKeyRow = {
    id: randomUUID(),
    userId: actor.userId,
    name: trimmed,
    keyHash: hashSecret(key),
    createdAt: deps.clock.now(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await insertOperatorApiKey(deps.db, row);
  return ok({ row, key });
}

/** The actor's own keys, newest first, revoked ones included (no secret: only hashes are stored). */
export async function listApiKeys(deps: Pick<Deps, "db">, actor: ConsoleUser): Promise<Result<OperatorApiKeyRow[]>> {
  return ok(await listOperatorApiKeys(deps.db, actor.userId));
}

/** Revoke a key of the actor's (admins: anyone's). Revoking twice is not an error; another user's key is "not found". */
export async function revokeApiKey(deps: Pick<Deps, "db" | "clock">, actor: ConsoleUser, id: string): Promise<Result<void>> {
  const row = await findOperatorApiKey(deps.db, id);
  if (!row || (row.userId !== actor.userId && !can(actor, "admin.users"))) return fail("not_found", `No API key ${id}`);
  if (!row.revokedAt) await revokeOperatorApiKey(deps.db, id, deps.clock.now());
  return ok(undefined);
}
