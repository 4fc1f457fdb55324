import { and, asc, desc, eq, gt, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import {
  benefitEnrollments,
  benefitIdempotencyKeys,
  benefitJobs,
  benefits,
  sandboxBenefitOutcomes,
  sandboxBenefitSeeds,
  snapshotRecords,
} from "../schema/index.js";
import { moveFrom } from "./move-from.js";

/** A benefit row. */
export type BenefitRow = typeof benefits.$inferSelect;
/** An enrollment row. */
export type EnrollmentRow = typeof benefitEnrollments.$inferSelect;
/** A deduction job row. */
export type BenefitJobRow = typeof benefitJobs.$inferSelect;
/** A stored idempotency key. */
export type IdempotencyRow = typeof benefitIdempotencyKeys.$inferSelect;
/** What a remembered deduction write did: created or changed a benefit, or queued a job on one. */
export type StoredWriteOutcome =
  | { kind: "benefit_created" | "benefit_updated"; benefitId: string; jobId: string }
  | { kind: "job_queued"; jobId: string };
/** A stored idempotency key with its write's outcome. */
export type IdempotencyKey = Omit<IdempotencyRow, "statusCode" | "response"> & { outcome: StoredWriteOutcome };
/** How a sandbox company's deduction jobs of one type end. */
export type SandboxBenefitOutcomeRow = typeof sandboxBenefitOutcomes.$inferSelect;

/** Insert benefits. */
export async function insertBenefits(db: Db, rows: (typeof benefits.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(benefits).values(rows);
}

/** A benefit of a connection. */
export async function findBenefit(db: Db, connectionId: string, id: string): Promise<BenefitRow | undefined> {
  const [row] = await db
    .select()
    .from(benefits)
    .where(and(eq(benefits.id, id), eq(benefits.connectionId, connectionId)))
    .limit(1);
  return row;
}

/** A connection's active benefits, oldest first. */
export async function listActiveBenefits(db: Db, connectionId: string): Promise<BenefitRow[]> {
  return db
    .select()
    .from(benefits)
    .where(and(eq(benefits.connectionId, connectionId), eq(benefits.state, "active")))
    .orderBy(asc(benefits.createdAt), asc(benefits.id));
}

/** Update a benefit. */
export async function updateBenefit(db: Db, id: string, patch: Partial<Omit<BenefitRow, "id" | "connectionId" | "state">>): Promise<void> {
  await db.update(benefits).set(patch).where(eq(benefits.id, id));
}

/** Update a deduction only while its state is still `from` (its machine's move); false when another move came first. */
export async function updateBenefitFrom(
  db: Db,
  id: string,
  from: BenefitRow["state"],
  patch: Partial<Omit<BenefitRow, "id" | "connectionId">>,
): Promise<boolean> {
  return moveFrom(db, benefits, { id: benefits.id, status: benefits.state }, id, from, patch);
}

/** Insert or replace enrollments (an enrollment is replaced as a whole). */
export async function upsertEnrollments(db: Db, rows: (typeof benefitEnrollments.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db
      .insert(benefitEnrollments)
      .values(chunk)
      .onConflictDoUpdate({
        target: [benefitEnrollments.benefitId, benefitEnrollments.individualId],
        set: {
          employeeDeduction: sqlExcluded("employee_deduction"),
          companyContribution: sqlExcluded("company_contribution"),
          annualMaximum: sqlExcluded("annual_maximum"),
          catchUp: sqlExcluded("catch_up"),
          hsaContributionLimit: sqlExcluded("hsa_contribution_limit"),
          effectiveDate: sqlExcluded("effective_date"),
          updatedAt: sqlExcluded("updated_at"),
        },
      });
  }
}

/** `excluded.<column>` in an upsert. */
function sqlExcluded(column: string) {
  return sql.raw(`excluded.${column}`);
}

/** Remove enrollments. */
export async function deleteEnrollments(db: Db, benefitId: string, individualIds: string[]): Promise<void> {
  if (individualIds.length > 0)
    await db
      .delete(benefitEnrollments)
      .where(and(eq(benefitEnrollments.benefitId, benefitId), inArray(benefitEnrollments.individualId, individualIds)));
}

/** A benefit's enrollments (all, or of the given individuals). */
export async function listEnrollments(db: Db, benefitId: string, individualIds?: string[]): Promise<EnrollmentRow[]> {
  return db
    .select()
    .from(benefitEnrollments)
    .where(
      and(eq(benefitEnrollments.benefitId, benefitId), individualIds ? inArray(benefitEnrollments.individualId, individualIds) : undefined),
    )
    .orderBy(asc(benefitEnrollments.individualId));
}

/** Insert a deduction job. */
export async function insertBenefitJob(db: Db, row: typeof benefitJobs.$inferInsert): Promise<void> {
  await db.insert(benefitJobs).values(row);
}

/** A deduction job by id. */
export async function findBenefitJob(db: Db, id: string): Promise<BenefitJobRow | undefined> {
  const [row] = await db.select().from(benefitJobs).where(eq(benefitJobs.id, id)).limit(1);
  return row;
}

/** Update a deduction job. */
export async function updateBenefitJob(
  db: Db,
  id: string,
  patch: Partial<Omit<BenefitJobRow, "id" | "connectionId" | "status">>,
): Promise<void> {
  await db.update(benefitJobs).set(patch).where(eq(benefitJobs.id, id));
}

/** Update a deduction job only while it is still in `from` (its machine's move); false when another move came first. */
export async function updateBenefitJobFrom(
  db: Db,
  id: string,
  from: BenefitJobRow["status"],
  patch: Partial<Omit<BenefitJobRow, "id" | "connectionId">>,
): Promise<boolean> {
  return moveFrom(db, benefitJobs, { id: benefitJobs.id, status: benefitJobs.status }, id, from, patch);
}

/** Jobs of a connection still waiting for (or failing) write-then-verify, completed after `completedAfter`. */
export async function listJobsToVerify(db: Db, connectionId: string, completedAfter: Date): Promise<BenefitJobRow[]> {
  return db
    .select()
    .from(benefitJobs)
    .where(
      and(
        eq(benefitJobs.connectionId, connectionId),
        inArray(benefitJobs.verificationState, ["pending", "not_yet_visible", "mismatch"]),
        gt(benefitJobs.completedAt, completedAfter),
      ),
    )
    .orderBy(asc(benefitJobs.createdAt));
}

/** Delete idempotency keys that expired before `before`; returns how many. */
export async function deleteExpiredIdempotencyKeys(db: Db, before: Date): Promise<number> {
  const removed = await db
    .delete(benefitIdempotencyKeys)
    .where(lt(benefitIdempotencyKeys.expiresAt, before))
    .returning({ key: benefitIdempotencyKeys.keyHash });
  return removed.length;
}

/** A connection's deduction jobs, newest first. */
export async function listBenefitJobs(db: Db, connectionId: string, limit: number): Promise<BenefitJobRow[]> {
  return db.select().from(benefitJobs).where(eq(benefitJobs.connectionId, connectionId)).orderBy(desc(benefitJobs.createdAt)).limit(limit);
}

/** Verification of the given jobs (for console lists). */
export async function verificationsOf(db: Db, ids: string[]): Promise<Pick<BenefitJobRow, "id" | "verification">[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: benefitJobs.id, verification: benefitJobs.verification })
    .from(benefitJobs)
    .where(and(inArray(benefitJobs.id, ids), isNotNull(benefitJobs.verification)));
}

/*
 * `status_code` and `response` predate outcome kinds: they hold the HTTP status and body of the first answer
 * (201 `{benefit_id, job_id}` for a new benefit, 200 `{benefit_id, job_id}` for a change, 200 `{job_id}` for a job),
 * so keys stored before still replay. Only this file reads them; the domain sees an outcome kind.
 */

/** The stored columns of an outcome. */
function encodeOutcome(o: StoredWriteOutcome): Pick<IdempotencyRow, "statusCode" | "response"> {
  if (o.kind === "job_queued") return { statusCode: 200, response: { job_id: o.jobId } };
  return { statusCode: o.kind === "benefit_created" ? 201 : 200, response: { benefit_id: o.benefitId, job_id: o.jobId } };
}

/** The outcome of stored columns. */
function decodeOutcome(row: Pick<IdempotencyRow, "statusCode" | "response" | "jobId">): StoredWriteOutcome {
  const benefitId = row.response.benefit_id;
  if (typeof benefitId !== "string") return { kind: "job_queued", jobId: row.jobId };
  return { kind: row.statusCode === 201 ? "benefit_created" : "benefit_updated", benefitId, jobId: row.jobId };
}

/** A stored idempotency key. */
export async function findIdempotencyKey(
  db: Db,
  applicationId: string,
  connectionId: string,
  keyHash: string,
): Promise<IdempotencyKey | undefined> {
  const [row] = await db
    .select()
    .from(benefitIdempotencyKeys)
    .where(
      and(
        eq(benefitIdempotencyKeys.applicationId, applicationId),
        eq(benefitIdempotencyKeys.connectionId, connectionId),
        eq(benefitIdempotencyKeys.keyHash, keyHash),
      ),
    )
    .limit(1);
  if (!row) return undefined;
  const { statusCode: _s, response: _r, ...rest } = row;
  return { ...rest, outcome: decodeOutcome(row) };
}

/** Forget a key (expired). */
export async function deleteIdempotencyKey(db: Db, row: Pick<IdempotencyRow, "applicationId" | "connectionId" | "keyHash">): Promise<void> {
  await db
    .delete(benefitIdempotencyKeys)
    .where(
      and(
        eq(benefitIdempotencyKeys.applicationId, row.applicationId),
        eq(benefitIdempotencyKeys.connectionId, row.connectionId),
        eq(benefitIdempotencyKeys.keyHash, row.keyHash),
      ),
    );
}

/** Store a key with its write's outcome; false when another request stored the same key first. */
export async function insertIdempotencyKey(db: Db, key: IdempotencyKey): Promise<boolean> {
  const { outcome, ...rest } = key;
  const inserted = await db
    .insert(benefitIdempotencyKeys)
    .values({ ...rest, ...encodeOutcome(outcome) })
    .onConflictDoNothing()
    .returning({ k: benefitIdempotencyKeys.keyHash });
  return inserted.length === 1;
}

/** Sandbox benefit job outcomes of a company. */
export async function listSandboxBenefitOutcomes(db: Db, companyId: string): Promise<{ jobType: string; completionStatus: string }[]> {
  return db
    .select({ jobType: sandboxBenefitOutcomes.jobType, completionStatus: sandboxBenefitOutcomes.completionStatus })
    .from(sandboxBenefitOutcomes)
    .where(eq(sandboxBenefitOutcomes.companyId, companyId))
    .orderBy(asc(sandboxBenefitOutcomes.jobType));
}

/** Set how a sandbox company's benefit jobs of a type end. */
export async function setSandboxBenefitOutcome(
  db: Db,
  companyId: string,
  jobType: string,
  completionStatus: SandboxBenefitOutcomeRow["completionStatus"],
): Promise<void> {
  await db
    .insert(sandboxBenefitOutcomes)
    .values({ companyId, jobType, completionStatus })
    .onConflictDoUpdate({ target: [sandboxBenefitOutcomes.companyId, sandboxBenefitOutcomes.jobType], set: { completionStatus } });
}

/** Claim a sandbox connection's one-time benefits seed; false when it was seeded already. */
export async function claimBenefitSeed(db: Db, connectionId: string, at: Date): Promise<boolean> {
  const rows = await db
    .insert(sandboxBenefitSeeds)
    .values({ connectionId, seededAt: at })
    .onConflictDoNothing()
    .returning({ id: sandboxBenefitSeeds.connectionId });
  return rows.length === 1;
}

/** Whether a sandbox connection's benefits were seeded. */
export async function isBenefitSeeded(db: Db, connectionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: sandboxBenefitSeeds.connectionId })
    .from(sandboxBenefitSeeds)
    .where(eq(sandboxBenefitSeeds.connectionId, connectionId))
    .limit(1);
  return Boolean(row);
}

/** The latest payment of a pay snapshot (by pay date), with its statements' JSON. */
export async function latestPaymentStatements(
  db: Db,
  snapshotId: string,
): Promise<{ paymentId: string; payDate: string; statements: string[] } | null> {
  const [payment] = await db
    .select({ id: snapshotRecords.id, sortKey: snapshotRecords.sortKey })
    .from(snapshotRecords)
    .where(and(eq(snapshotRecords.snapshotId, snapshotId), eq(snapshotRecords.kind, "payment")))
    .orderBy(desc(snapshotRecords.sortKey), desc(snapshotRecords.position))
    .limit(1);
  if (!payment?.id) return null;
  const rows = await db
    .select({ json: snapshotRecords.json })
    .from(snapshotRecords)
    .where(
      and(eq(snapshotRecords.snapshotId, snapshotId), eq(snapshotRecords.kind, "pay_statement"), eq(snapshotRecords.parentId, payment.id)),
    )
    .orderBy(asc(snapshotRecords.position));
  return { paymentId: payment.id, payDate: payment.sortKey ?? "", statements: rows.map((r) => r.json) };
}
