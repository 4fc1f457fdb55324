import {
  clearSignInFailures,
  countSignInFailure,
  deleteIdleSignInFailures,
  findSignInLocks,
} from "../../db/repositories/users.repository.js";
import { DAY_MS } from "../clock.js";
import type { Deps } from "../deps.js";
import { fail, type Result } from "../errors.js";
import { hashSecret } from "../security/secrets.js";

/**
 * The sign-in throttle. Two rules, both counted in `sign_in_failures` under hashed keys:
 *
 * - **account × client**: ACCOUNT_LOCK_AFTER failed sign-ins for one email address from one client address lock
 *   that address out of that account for LOCK_MS. Another client address with no failures still signs in with the
 *   right password, so nobody can lock a person out of their account from elsewhere. Addresses with no account are
 *   counted the same way, so answers never tell which accounts exist.
 * - **client**: CLIENT_LOCK_AFTER failed sign-ins from one client address within CLIENT_WINDOW_MS, whatever the
 *   accounts, lock that client out of every sign-in for LOCK_MS: password spraying across many addresses stops there.
 *
 * The client address is the TCP peer, or the `X-Forwarded-For` entry added by a trusted proxy (LINNET_TRUST_PROXY).
 */

/** Failed sign-ins of one account from one client address that lock that pair. */
export const ACCOUNT_LOCK_AFTER = 5;

/** Failed sign-ins from one client address, over any accounts, within CLIENT_WINDOW_MS that lock that client. */
export const CLIENT_LOCK_AFTER = 10;

/** The window in which a client's failures are counted. */
export const CLIENT_WINDOW_MS = 15 * 60 * 1000;

/** How long either lock lasts. */
export const LOCK_MS = 15 * 60 * 1000;

/** The throttle keys of one attempt. */
export interface ThrottleKeys {
  /** The email address (normalized) seen from this client. */
  account: string;
  /** The client address alone. */
  client: string;
}

/** Hashed keys for an attempt: only SHA-256 of the address and client is stored. */
export function throttleKeys(email: string, clientAddress: string): ThrottleKeys {
  const normalized = email.trim().toLowerCase();
  return { account: hashSecret(`account\n${normalized}\n${clientAddress}`), client: hashSecret(`client\n${clientAddress}`) };
}

/** The 429 answer, with the seconds left in `context.retry_after` (the route turns it into Retry-After). */
function locked<T>(until: Date, now: Date, fromClient: boolean): Result<T> {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait = `try again in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const message = fromClient ? `Too many failed sign-ins from your network; ${wait}` : `Too many failed sign-ins; ${wait}`;
  return fail("rate_limited", message, { retry_after: String(seconds) });
}

/** The lock that refuses this attempt before any password is checked, if one runs. */
export async function activeLock<T>(deps: Pick<Deps, "db" | "clock">, keys: ThrottleKeys): Promise<Result<T> | null> {
  const now = deps.clock.now();
  const locks = await findSignInLocks(deps.db, [keys.client, keys.account], now);
  const client = locks.get(keys.client);
  if (client) return locked(client, now, true);
  const account = locks.get(keys.account);
  return account ? locked(account, now, false) : null;
}

/** Count a failed attempt under both rules; the failure that reaches a limit answers the lock at once. */
export async function countFailure<T>(deps: Pick<Deps, "db" | "clock">, keys: ThrottleKeys, incorrect: Result<T>): Promise<Result<T>> {
  const now = deps.clock.now();
  const lockUntil = new Date(now.getTime() + LOCK_MS);
  const account = await countSignInFailure(deps.db, keys.account, { limit: ACCOUNT_LOCK_AFTER, windowMs: DAY_MS, lockUntil, now });
  const client = await countSignInFailure(deps.db, keys.client, { limit: CLIENT_LOCK_AFTER, windowMs: CLIENT_WINDOW_MS, lockUntil, now });
  if (client && client > now) return locked(client, now, true);
  if (account && account > now) return locked(account, now, false);
  return incorrect;
}

/**
 * A successful sign-in clears the account × client count. The client's own count stays: signing in to one's own
 * account between guesses at others must not reset a sprayer's budget.
 */
export function clearAccountFailures(deps: Pick<Deps, "db">, keys: ThrottleKeys): Promise<void> {
  return clearSignInFailures(deps.db, keys.account);
}

/** Forget counters idle for a day (any lock ended long before). */
export function purgeIdleSignInFailures(deps: Pick<Deps, "db" | "clock">): Promise<number> {
  return deleteIdleSignInFailures(deps.db, new Date(deps.clock.now().getTime() - DAY_MS));
}
