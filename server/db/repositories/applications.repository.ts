import { eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { applications } from "../schema/index.js";

/** An application row. */
export type ApplicationRow = typeof applications.$inferSelect;

/** Insert an application. */
export async function insertApplication(db: Db, row: typeof applications.$inferInsert): Promise<void> {
  await db.insert(applications).values(row);
}

/** Find an application by client_id. */
export async function findApplication(db: Db, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).limit(1);
  return row;
}

/** Count applications (first-start detection). */
export async function countApplications(db: Db): Promise<number> {
  return db.$count(applications);
}
