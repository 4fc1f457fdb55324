import { randomBytes } from "node:crypto";
import { deleteExpiredConsoleSessions, insertConsoleSession } from "../../db/repositories/console-sessions.repository.js";
import { findUserByEmail, recordSuccessfulSignIn } from "../../db/repositories/users.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { hashPassword, verifyPassword } from "../security/passwords.js";
import { hashSecret } from "../security/secrets.js";
import type { UserRole } from "./policy.js";
import { activeLock, clearAccountFailures, countFailure, throttleKeys } from "./sign-in-throttle.js";
import { csrfTokenFor, newSessionToken, SESSION_ABSOLUTE_MS } from "./tokens.js";

export { purgeIdleSignInFailures } from "./sign-in-throttle.js";

const INCORRECT = "Incorrect email or password";

/** A hash no password matches, verified for unknown emails so they take as long as known ones (made at load). */
const dummyHash = hashPassword(randomBytes(24).toString("base64url"));

/** What a successful sign-in hands back; the two tokens are never stored in clear. */
export interface SignedIn {
  user: { id: string; email: string; role: UserRole };
  /** The cookie value. */
  sessionToken: string;
  /** Echoed by the browser in `x-csrf-token` on unsafe requests. */
  csrfToken: string;
}

/**
 * Sign a console user in with email and password: a new session, or a generic refusal. Throttled per account and
 * client address and per client address (sign-in-throttle.ts); an address with no account gets the same work, the
 * same answers and the same locks as a wrong password.
 */
export async function signIn(
  deps: Pick<Deps, "db" | "clock" | "cipher">,
  input: { email: string; password: string; clientAddress: string; userAgent?: string | undefined },
): Promise<Result<SignedIn>> {
  const keys = throttleKeys(input.email, input.clientAddress);
  const refused = await activeLock<SignedIn>(deps, keys);
  if (refused) return refused;
  const user = await findUserByEmail(deps.db, input.email.trim());
  // an unknown address costs the same password check as a known one, and always fails
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await dummyHash, input.password).then(() => false);
  if (!user || !valid) return countFailure(deps, keys, fail("unauthorized", INCORRECT));

  const now = deps.clock.now();
  await clearAccountFailures(deps, keys);
  await recordSuccessfulSignIn(deps.db, user.id, now);
  await deleteExpiredConsoleSessions(deps.db, user.id, now);
  const sessionToken = newSessionToken();
  const csrfToken = csrfTokenFor(deps.cipher, sessionToken);
  await insertConsoleSession(deps.db, {
    idHash: hashSecret(sessionToken),
    userId: user.id,
    csrfHash: hashSecret(csrfToken),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    userAgent: input.userAgent?.slice(0, 512) ?? null,
  });
  return ok({ user: { id: user.id, email: user.email, role: user.role }, sessionToken, csrfToken });
}
