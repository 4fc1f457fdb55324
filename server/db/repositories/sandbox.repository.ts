import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client.js";
import { sandboxCompanies, sandboxEdits, sourceIds } from "../schema/index.js";

/** A sandbox company row. */
export type SandboxCompanyRow = typeof sandboxCompanies.$inferSelect;
/** A sandbox edit row. */
export type SandboxEditRow = typeof sandboxEdits.$inferSelect;

/** Insert a sandbox company. */
export async function insertSandboxCompany(db: Db, row: typeof sandboxCompanies.$inferInsert): Promise<void> {
  await db.insert(sandboxCompanies).values(row);
}

/** A sandbox company by id. */
export async function findSandboxCompany(db: Db, id: string): Promise<SandboxCompanyRow | undefined> {
  const [row] = await db.select().from(sandboxCompanies).where(eq(sandboxCompanies.id, id)).limit(1);
  return row;
}

/** Set how the next sandbox sync ends. */
export async function setSandboxSyncOutcome(db: Db, id: string, outcome: string): Promise<void> {
  await db.update(sandboxCompanies).set({ syncOutcome: outcome }).where(eq(sandboxCompanies.id, id));
}

/** Append an edit. */
export async function insertSandboxEdit(db: Db, row: Omit<typeof sandboxEdits.$inferInsert, "id">): Promise<void> {
  await db.insert(sandboxEdits).values(row);
}

/** A company's edits, oldest first. */
export async function listSandboxEdits(db: Db, companyId: string): Promise<SandboxEditRow[]> {
  return db.select().from(sandboxEdits).where(eq(sandboxEdits.companyId, companyId)).orderBy(asc(sandboxEdits.id));
}

/** The source id behind a stable id of a connection, if any. */
export async function findSourceIdOf(db: Db, connectionId: string, kind: string, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ sourceId: sourceIds.sourceId })
    .from(sourceIds)
    .where(and(eq(sourceIds.connectionId, connectionId), eq(sourceIds.kind, kind), eq(sourceIds.id, id)))
    .limit(1);
  return row?.sourceId;
}
