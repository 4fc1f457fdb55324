import { eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { users } from "../schema/index.js";

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
