import { and, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import type { Db } from "../client.js";
import { auditLog } from "../schema/index.js";

/** An audit row. */
export type AuditRow = typeof auditLog.$inferSelect;
/** A new audit row. */
export type AuditInsert = Omit<typeof auditLog.$inferInsert, "id">;

/** Filters of the audit log (all optional; `to` is exclusive). */
export interface AuditFilter {
  action?: string;
  /** Part of the actor's email, any case. */
  actor?: string;
  from?: Date;
  to?: Date;
}

/** Append one line (call inside the action's transaction when it has one). */
export async function insertAudit(db: Db, row: AuditInsert): Promise<void> {
  await db.insert(auditLog).values(row);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(filter: AuditFilter, beforeId?: number): SQL | undefined {
  return and(
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.actor ? ilike(auditLog.actorEmail, `%${escapeLike(filter.actor)}%`) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, filter.to) : undefined,
    beforeId ? lt(auditLog.id, beforeId) : undefined,
  );
}

/** A page of the log, newest first, before the line `beforeId`. */
export async function listAudit(db: Db, filter: AuditFilter, page: { beforeId?: number; limit: number }): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(where(filter, page.beforeId)).orderBy(desc(auditLog.id)).limit(page.limit);
}
