import { and, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { applicationMembers } from "../schema/index.js";

/** Make a user a member of an application (no-op when already one). */
export async function insertApplicationMember(db: Db, row: typeof applicationMembers.$inferInsert): Promise<void> {
  await db.insert(applicationMembers).values(row).onConflictDoNothing();
}

/** Whether the user is a member of the application. */
export async function isApplicationMember(db: Db, userId: string, applicationId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: applicationMembers.userId })
    .from(applicationMembers)
    .where(and(eq(applicationMembers.userId, userId), eq(applicationMembers.applicationId, applicationId)))
    .limit(1);
  return rows.length > 0;
}

/** The ids of the applications a user is a member of. */
export async function applicationIdsOfMember(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: applicationMembers.applicationId })
    .from(applicationMembers)
    .where(eq(applicationMembers.userId, userId));
  return rows.map((r) => r.id);
}
