import { randomBytes } from "node:crypto";
import { deleteExpiredConsoleSessions, insertConsoleSession } from "../../db/repositories/console-sessions.repository.js";
import {
  deleteIdleSignInFailures,
  findUnknownSignInLock,
  findUserByEmail,
  recordFailedSignIn,
  recordFailedUnknownSignIn,
  recordSuccessfulSignIn,
  type UserRow,
} from "../../db/repositories/users.repository.js";
import { DAY_MS } from "../clock.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { hashPassword, verifyPassword } from "../security/passwords.js";
import { hashSecret } from "../security/secrets.js";
import type { UserRole } from "./policy.js";
import { csrfTokenFor, newSessionToken, SESSION_ABSOLUTE_MS } from "./tokens.js";

/** Consecutive failures that lock an account. */
export const LOCK_AFTER_FAILURES = 5;

/** How long a lock lasts. */
export const LOCK_MS = 15 * 60 * 1000;

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

/** The lockout answer, with the seconds left in `context.retry_after` (the route turns it into Retry-After). */
function locked<T>(until: Date, now: Date): Result<T> {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return fail("rate_limited", `Too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? "" : "s"}`, {
    retry_after: String(seconds),
  });
}

/** Count a wrong password; the failure that reaches the limit answers the lockout at once. */
async function wrongPassword<T>(deps: Pick<Deps, "db" | "clock">, user: UserRow, now: Date): Promise<Result<T>> {
  const lockedUntil = await recordFailedSignIn(deps.db, user.id, { lockAfter: LOCK_AFTER_FAILURES, lockUntil: new Date(now.getTime() + LOCK_MS) });
  if (lockedUntil && lockedUntil > now) return locked(lockedUntil, now);
  return fail("unauthorized", INCORRECT);
}

/**
 * An address with no account gets what a wrong password gets, lockout included: the same work (a password check
 * against a hash no password matches), the same answer, and after LOCK_AFTER_FAILURES tries the same lock.
 */
async function unknownEmail<T>(deps: Pick<Deps, "db" | "clock">, input: { email: string; password: string }, now: Date): Promise<Result<T>> {
  const emailHash = hashSecret(input.email.trim().toLowerCase());
  const lockedUntil = await findUnknownSignInLock(deps.db, emailHash);
  if (lockedUntil && lockedUntil > now) return locked(lockedUntil, now);
  await verifyPassword(await dummyHash, input.password);
  const until = await recordFailedUnknownSignIn(deps.db, emailHash, { lockAfter: LOCK_AFTER_FAILURES, lockUntil: new Date(now.getTime() + LOCK_MS), now });
  if (until && until > now) return locked(until, now);
  return fail("unauthorized", INCORRECT);
}

/** Sign a console user in with email and password: a new session, or a generic refusal (lockout after 5 failures). */
export async function signIn(
  deps: Pick<Deps, "db" | "clock" | "cipher">,
  input: { email: string; password: string; userAgent?: string | undefined },
): Promise<Result<SignedIn>> {
  const now = deps.clock.now();
  const user = await findUserByEmail(deps.db, input.email.trim());
  if (!user) return unknownEmail(deps, input, now);
  if (user.lockedUntil && user.lockedUntil > now) return locked(user.lockedUntil, now);
  if (!(await verifyPassword(user.passwordHash, input.password))) return wrongPassword(deps, user, now);

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

/** Forget failure counts of addresses with no account once idle for a day (any lock ended long before). */
export function purgeIdleSignInFailures(deps: Pick<Deps, "db" | "clock">): Promise<number> {
  return deleteIdleSignInFailures(deps.db, new Date(deps.clock.now().getTime() - DAY_MS));
}
