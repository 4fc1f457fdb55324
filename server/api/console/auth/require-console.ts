import type { FastifyRequest } from "fastify";
import type { ApiKeyActor, ConsoleActor } from "../../../domain/auth/actor.js";
import { type ConsoleAction, can } from "../../../domain/auth/policy.js";
import { resolveApiKey } from "../../../domain/auth/resolve-api-key.js";
import { resolveSession } from "../../../domain/auth/resolve-session.js";
import type { Deps } from "../../../domain/deps.js";
import { FinchError } from "../../../domain/errors.js";
import { hashSecret, secretMatches } from "../../../domain/security/secrets.js";
import { unwrap } from "../../errors.js";
import { bearerToken } from "../../middleware/credentials.js";
import { readSessionToken } from "./session-cookie.js";

/** Methods that change nothing, so need no CSRF token. Everything else (POST, PUT, PATCH, DELETE…) does. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** 403 unless the request's `x-csrf-token` is the session's CSRF token (compared in constant time). */
function checkCsrf(request: FastifyRequest, actor: ConsoleActor): void {
  if (SAFE_METHODS.has(request.method)) return;
  const header = request.headers["x-csrf-token"];
  if (typeof header !== "string" || !secretMatches(header, hashSecret(actor.csrfToken))) {
    throw new FinchError("insufficient_scope", "Missing or invalid CSRF token");
  }
}

/** 403 unless the actor's role allows the action. */
function checkPolicy(actor: ConsoleActor | ApiKeyActor, action: ConsoleAction): void {
  if (!can(actor, action)) throw new FinchError("insufficient_scope", `Forbidden: the ${actor.role} role does not allow ${action}`);
}

/** The signed-in person behind the session cookie, whatever their role (401 otherwise; CSRF checked on unsafe methods). */
export async function requireSignedIn(deps: Deps, request: FastifyRequest): Promise<ConsoleActor> {
  const actor = unwrap(await resolveSession(deps, readSessionToken(request)));
  checkCsrf(request, actor);
  return actor;
}

/** For console routes: the signed-in person, allowed to do `action` (401 / 403; unsafe methods need `x-csrf-token`). */
export async function requireConsoleActor(deps: Deps, request: FastifyRequest, action: ConsoleAction): Promise<ConsoleActor> {
  const actor = await requireSignedIn(deps, request);
  checkPolicy(actor, action);
  return actor;
}

/**
 * For routes scripts may call too: an operator API key (`Authorization: Bearer lop_…`, no CSRF token needed), or else
 * the session cookie as in requireConsoleActor. A Bearer header that is not a valid key answers 401, never falls back.
 */
export async function requireOperatorKeyOrSession(
  deps: Deps,
  request: FastifyRequest,
  action: ConsoleAction,
): Promise<ConsoleActor | ApiKeyActor> {
  if (request.headers.authorization === undefined) return requireConsoleActor(deps, request, action);
  const actor = unwrap(await resolveApiKey(deps, bearerToken(request)));
  checkPolicy(actor, action);
  return actor;
}
