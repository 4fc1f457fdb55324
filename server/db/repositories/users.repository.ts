import { eq, inArray, lt, sql } from "drizzle-orm";
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

/**
 * Count one failed sign-in atomically. On the `lockAfter`-th consecutive failure the user is locked until `lockUntil`
 * and the count starts again. Answers the user's `locked_until` after the update (null when never locked).
 */
export async function recordFailedSignIn(db: Db, id: string, opts: { lockAfter: number; lockUntil: Date }): Promise<Date | null> {
  const reached = sql`${users.failedLogins} + 1 >= ${opts.lockAfter}`;
  const until = sql`${opts.lockUntil.toISOString()}::timestamptz`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`case when ${reached} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${reached} then ${until} else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, id))
    .returning({ lockedUntil: users.lockedUntil });
  return row?.lockedUntil ?? null;
}

/** A successful sign-in: clear the failure count and any lock, remember when. */
export async function recordSuccessfulSignIn(db: Db, id: string, at: Date): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at }).where(eq(users.id, id));
}

/** Email and role of the users with these ids (for showing who did something). */
export async function usersByIds(db: Db, ids: string[]): Promise<{ id: string; email: string; role: string }[]> {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(inArray(users.id, ids));
}

/** Users holding one of the roles, by email. */
export async function listUsersWithRoles(db: Db, roles: string[]): Promise<{ id: string; email: string; role: string }[]> {
  return db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(inArray(users.role, roles as never[])).orderBy(users.email);
}

/** When sign-in for an address with no account is locked until, if it is. */
export async function findUnknownSignInLock(db: Db, emailHash: string): Promise<Date | null> {
  const [row] = await db.select({ lockedUntil: signInFailures.lockedUntil }).from(signInFailures).where(eq(signInFailures.emailHash, emailHash));
  return row?.lockedUntil ?? null;
}

/** Count a failed sign-in for an address with no account, as recordFailedSignIn does for an account. */
export async function recordFailedUnknownSignIn(db: Db, emailHash: string, opts: { lockAfter: number; lockUntil: Date; now: Date }): Promise<Date | null> {
  const reached = sql`${signInFailures.failedLogins} + 1 >= ${opts.lockAfter}`;
  const until = sql`${opts.lockUntil.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(signInFailures)
    .values({ emailHash, failedLogins: opts.lockAfter <= 1 ? 0 : 1, lockedUntil: opts.lockAfter <= 1 ? opts.lockUntil : null, updatedAt: opts.now })
    .onConflictDoUpdate({
      target: signInFailures.emailHash,
      set: {
        failedLogins: sql`case when ${reached} then 0 else ${signInFailures.failedLogins} + 1 end`,
        lockedUntil: sql`case when ${reached} then ${until} else ${signInFailures.lockedUntil} end`,
        updatedAt: opts.now,
      },
    })
    .returning({ lockedUntil: signInFailures.lockedUntil });
  return row?.lockedUntil ?? null;
}

/** Delete failure counts for unknown addresses not touched since `before`; returns how many. */
export async function deleteIdleSignInFailures(db: Db, before: Date): Promise<number> {
  const removed = await db.delete(signInFailures).where(lt(signInFailures.updatedAt, before)).returning({ h: signInFailures.emailHash });
  return removed.length;
}
