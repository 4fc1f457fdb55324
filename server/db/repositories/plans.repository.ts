import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client.js";
import { benefitEnrollments, benefitPlans, planDependents, planEnrollments, planPublications } from "../schema/index.js";

/** A stored plan row. */
export type PlanRow = typeof benefitPlans.$inferSelect;
/** A stored plan enrollment row. */
export type PlanEnrollmentRow = typeof planEnrollments.$inferSelect;
/** A stored dependent row (SSN and date of birth sealed). */
export type PlanDependentRow = typeof planDependents.$inferSelect;
/** A connection's latest plans publish. */
export type PlanPublicationRow = typeof planPublications.$inferSelect;

/** Everything one plans publish stores for a connection. */
export interface PlansRows {
  plans: PlanRow[];
  enrollments: PlanEnrollmentRow[];
  dependents: PlanDependentRow[];
  publication: PlanPublicationRow;
}

/** Replace a connection's plans, enrollments and dependents as a whole (call inside a transaction). */
export async function replacePlans(tx: Db, connectionId: string, rows: PlansRows): Promise<void> {
  await tx.delete(planDependents).where(eq(planDependents.connectionId, connectionId));
  await tx.delete(planEnrollments).where(eq(planEnrollments.connectionId, connectionId));
  await tx.delete(benefitPlans).where(eq(benefitPlans.connectionId, connectionId));
  for (let i = 0; i < rows.plans.length; i += 500) await tx.insert(benefitPlans).values(rows.plans.slice(i, i + 500));
  for (let i = 0; i < rows.enrollments.length; i += 500) await tx.insert(planEnrollments).values(rows.enrollments.slice(i, i + 500));
  for (let i = 0; i < rows.dependents.length; i += 500) await tx.insert(planDependents).values(rows.dependents.slice(i, i + 500));
  await tx
    .insert(planPublications)
    .values(rows.publication)
    .onConflictDoUpdate({
      target: planPublications.connectionId,
      set: {
        source: rows.publication.source,
        fileName: rows.publication.fileName,
        retrievedAt: rows.publication.retrievedAt,
        publishedAt: rows.publication.publishedAt,
      },
    });
}

/** The latest plans publish of a connection, if any. */
export async function findPlanPublication(db: Db, connectionId: string): Promise<PlanPublicationRow | undefined> {
  const [row] = await db.select().from(planPublications).where(eq(planPublications.connectionId, connectionId)).limit(1);
  return row;
}

/** A connection's stored plans in order. */
export async function listStoredPlans(db: Db, connectionId: string): Promise<PlanRow[]> {
  return db.select().from(benefitPlans).where(eq(benefitPlans.connectionId, connectionId)).orderBy(asc(benefitPlans.position));
}

/** A connection's stored enrollments in order (optionally only these ids). */
export async function listStoredEnrollments(db: Db, connectionId: string, ids?: string[]): Promise<PlanEnrollmentRow[]> {
  const where = ids
    ? and(eq(planEnrollments.connectionId, connectionId), inArray(planEnrollments.id, ids))
    : eq(planEnrollments.connectionId, connectionId);
  return db.select().from(planEnrollments).where(where).orderBy(asc(planEnrollments.position));
}

/** A connection's stored dependents in order (optionally only these ids). */
export async function listStoredDependents(db: Db, connectionId: string, ids?: string[]): Promise<PlanDependentRow[]> {
  const where = ids
    ? and(eq(planDependents.connectionId, connectionId), inArray(planDependents.id, ids))
    : eq(planDependents.connectionId, connectionId);
  return db.select().from(planDependents).where(where).orderBy(asc(planDependents.position));
}

/** Every deduction enrollment of a connection, by benefit then individual. */
export async function listDeductionEnrollments(db: Db, connectionId: string) {
  return db
    .select()
    .from(benefitEnrollments)
    .where(eq(benefitEnrollments.connectionId, connectionId))
    .orderBy(asc(benefitEnrollments.benefitId), asc(benefitEnrollments.individualId));
}
