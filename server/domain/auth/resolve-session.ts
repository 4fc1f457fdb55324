import { deleteConsoleSession, findConsoleSession, touchConsoleSession } from "../../db/repositories/console-sessions.repository.js";
import { findUserById } from "../../db/repositories/users.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { hashSecret, secretMatches } from "../security/secrets.js";
import type { ConsoleActor } from "./actor.js";
import { csrfTokenFor, SESSION_IDLE_MS, TOUCH_INTERVAL_MS } from "./tokens.js";

/** The person behind a session cookie, or 401 when it is unknown, signed out, idle 12 h or older than 7 days. */
export async function resolveSession(
  deps: Pick<Deps, "db" | "clock" | "cipher">,
  sessionToken: string | undefined,
): Promise<Result<ConsoleActor>> {
  if (!sessionToken) return fail("unauthorized", "Sign in first");
  const now = deps.clock.now();
  const idHash = hashSecret(sessionToken);
  const session = await findConsoleSession(deps.db, idHash);
  if (!session) return fail("unauthorized", "Your session is not valid; sign in again");
  const idle = now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_MS;
  if (idle || session.expiresAt <= now) {
    await deleteConsoleSession(deps.db, idHash);
    return fail("unauthorized", "Your session has expired; sign in again");
  }
  const csrfToken = csrfTokenFor(deps.cipher, sessionToken);
  const user = await findUserById(deps.db, session.userId);
  // A session minted under another secrets key, or of a deleted user, is worthless.
  if (!user || !secretMatches(csrfToken, session.csrfHash)) {
    await deleteConsoleSession(deps.db, idHash);
    return fail("unauthorized", "Your session is not valid; sign in again");
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) await touchConsoleSession(deps.db, idHash, now);
  return ok({ kind: "session", userId: user.id, email: user.email, role: user.role, csrfToken, sessionIdHash: idHash });
}
