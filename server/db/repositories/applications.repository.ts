import { asc, eq, inArray } from "drizzle-orm";
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

/** Applications by id (all of them when `ids` is undefined), oldest first. */
export async function listApplications(db: Db, ids?: string[]): Promise<ApplicationRow[]> {
  if (ids !== undefined && ids.length === 0) return [];
  const query = db.select().from(applications);
  return (ids === undefined ? query : query.where(inArray(applications.id, ids))).orderBy(asc(applications.createdAt));
}

/** Update an application's mutable fields (redirect URIs, secret hashes). */
export async function updateApplication(
  db: Db,
  id: string,
  patch: Partial<Pick<ApplicationRow, "redirectUris" | "secretHash" | "previousSecretHash" | "previousSecretExpiresAt" | "acceptedBody">>,
): Promise<void> {
  await db.update(applications).set(patch).where(eq(applications.id, id));
}
