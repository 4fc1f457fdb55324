import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { signInFailures, users } from "../schema/index.js";

/** A user row. */
export type UserRow = typeof users.$inferSelect;

/** Insert a user. */
export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(row);
}

/** Find a user by (lower-cased) email. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return row;
}

/** Find a user by id. */
export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** A successful sign-in: remember when. */
export async function recordSuccessfulSignIn(db: Db, id: string, at: Date): Promise<void> {
  await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, id));
}

/** Email and role of the users with these ids (for showing who did something). */
export async function usersByIds(db: Db, ids: string[]): Promise<{ id: string; email: string; role: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(inArray(users.id, ids));
}

/** Users holding one of the roles, by email. */
export async function listUsersWithRoles(db: Db, roles: UserRow["role"][]): Promise<{ id: string; email: string; role: string }[]> {
  return db
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(inArray(users.role, roles))
    .orderBy(users.email);
}

/** The sign-in locks still running at `now` among these throttle keys, by key. */
export async function findSignInLocks(db: Db, keyHashes: string[], now: Date): Promise<Map<string, Date>> {
  const rows = await db
    .select({ key: signInFailures.keyHash, lockedUntil: signInFailures.lockedUntil })
    .from(signInFailures)
    .where(and(inArray(signInFailures.keyHash, keyHashes), gt(signInFailures.lockedUntil, now)));
  return new Map(rows.map((r) => [r.key, r.lockedUntil!]));
}

/**
 * Count one failed sign-in under a throttle key, atomically. Failures are counted within a window that restarts
 * when it is older than `windowMs`; the `limit`-th failure of a window locks the key until `lockUntil` and the count
 * starts again. Answers the key's `locked_until` after the update (null when never locked).
 */
export async function countSignInFailure(
  db: Db,
  keyHash: string,
  opts: { limit: number; windowMs: number; lockUntil: Date; now: Date },
): Promise<Date | null> {
  const windowStart = sql`${new Date(opts.now.getTime() - opts.windowMs).toISOString()}::timestamptz`;
  const stale = sql`${signInFailures.windowStartedAt} <= ${windowStart}`;
  const fresh = sql`(case when ${stale} then 1 else ${signInFailures.failedLogins} + 1 end)`;
  const reached = sql`${fresh} >= ${opts.limit}`;
  const until = sql`${opts.lockUntil.toISOString()}::timestamptz`;
  const now = sql`${opts.now.toISOString()}::timestamptz`;
  const first = opts.limit <= 1;
  const [row] = await db
    .insert(signInFailures)
    .values({
      keyHash,
      failedLogins: first ? 0 : 1,
      windowStartedAt: opts.now,
      lockedUntil: first ? opts.lockUntil : null,
      updatedAt: opts.now,
    })
    .onConflictDoUpdate({
      target: signInFailures.keyHash,
      set: {
        failedLogins: sql`case when ${reached} then 0 else ${fresh} end`,
        windowStartedAt: sql`case when ${stale} then ${now} else ${signInFailures.windowStartedAt} end`,
        lockedUntil: sql`case when ${reached} then ${until} else ${signInFailures.lockedUntil} end`,
        updatedAt: opts.now,
      },
    })
    .returning({ lockedUntil: signInFailures.lockedUntil });
  return row?.lockedUntil ?? null;
}

/** Forget a throttle key's failures (a successful sign-in of that account from that client). */
export async function clearSignInFailures(db: Db, keyHash: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.keyHash, keyHash));
}

/** Delete throttle counters not touched since `before`; returns how many. */
export async function deleteIdleSignInFailures(db: Db, before: Date): Promise<number> {
  const removed = await db.delete(signInFailures).where(lt(signInFailures.updatedAt, before)).returning({ h: signInFailures.keyHash });
  return removed.length;
}
