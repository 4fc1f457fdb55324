import { and, asc, eq, isNull, max, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { payStatementItemRules } from "../schema/index.js";

/** A stored rule. */
export type RuleRow = typeof payStatementItemRules.$inferSelect;
/** The fields a PUT may change. */
export type RuleChanges = Partial<Pick<RuleRow, "effectiveStartDate" | "effectiveEndDate" | "conditions" | "metadata">>;

const live = (connectionId: string) => and(eq(payStatementItemRules.connectionId, connectionId), isNull(payStatementItemRules.deletedAt));

/** The next priority of a connection (deleted rules keep theirs, so numbers are never reused). */
export async function nextRulePriority(tx: Db, connectionId: string): Promise<number> {
  const [row] = await tx
    .select({ p: max(payStatementItemRules.priority) })
    .from(payStatementItemRules)
    .where(eq(payStatementItemRules.connectionId, connectionId));
  return (row?.p ?? 0) + 1;
}

/** Insert a rule. */
export async function insertRule(tx: Db, row: RuleRow): Promise<void> {
  await tx.insert(payStatementItemRules).values(row);
}

/** A connection's rules that are not deleted, by priority. */
export async function listLiveRules(db: Db, connectionId: string): Promise<RuleRow[]> {
  return db.select().from(payStatementItemRules).where(live(connectionId)).orderBy(asc(payStatementItemRules.priority));
}

/** One live rule of a connection (another connection's rule is not found). */
export async function findLiveRule(db: Db, connectionId: string, id: string): Promise<RuleRow | undefined> {
  const [row] = await db
    .select()
    .from(payStatementItemRules)
    .where(and(live(connectionId), eq(payStatementItemRules.id, id)))
    .limit(1);
  return row;
}

/** Change a live rule; the updated row, or undefined when it is gone. */
export async function updateLiveRule(
  db: Db,
  connectionId: string,
  id: string,
  changes: RuleChanges,
  now: Date,
): Promise<RuleRow | undefined> {
  const [row] = await db
    .update(payStatementItemRules)
    .set({ ...changes, updatedAt: now })
    .where(and(live(connectionId), eq(payStatementItemRules.id, id)))
    .returning();
  return row;
}

/** Mark a live rule deleted; the deleted row, or undefined when it is gone. */
export async function deleteLiveRule(db: Db, connectionId: string, id: string, now: Date): Promise<RuleRow | undefined> {
  const [row] = await db
    .update(payStatementItemRules)
    .set({ deletedAt: now })
    .where(and(live(connectionId), eq(payStatementItemRules.id, id)))
    .returning();
  return row;
}

/** Serialize rule creation per connection for the rest of the transaction (priorities stay unique). */
export async function lockRulesOf(tx: Db, connectionId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`linnet.pay_statement_item_rules:${connectionId}`}))`);
}
