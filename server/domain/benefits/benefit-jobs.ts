import type { LinnetVerification } from "../../../contracts/finch/benefits.js";
import type { DashboardDeductionJob } from "../../../contracts/linnet/dashboard.js";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import {
  type BenefitJobRow,
  deleteEnrollments,
  findBenefitJob,
  listBenefitJobs,
  listEnrollments,
  listSandboxBenefitOutcomes,
  updateBenefit,
  updateBenefitJob,
  upsertEnrollments,
} from "../../db/repositories/benefits.repository.js";
import { findConnection } from "../../db/repositories/connections.repository.js";
import { insertEvent } from "../../db/repositories/events.repository.js";
import type { ManualJobRow } from "../../db/repositories/manual-jobs.repository.js";
import type { StoredVerification } from "../../db/schema/types/benefits.js";
import type { JobOutcomeStatus, VerificationState } from "../../db/schema/types/statuses.js";
import { readManualJob } from "../assisted/manual-jobs.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import type { Deps } from "../deps.js";
import { ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { transactional } from "../transactional.js";
import { transitionBenefit, transitionBenefitJob } from "./benefit-job-machine.js";
import type { EnrollmentInput } from "./benefit-rules.js";

/** pg-boss queue of deduction writes on sandbox automated connections. */
export const BENEFIT_WRITE_QUEUE = "benefit-write";

/** Deduction job types (also the `job.<type>.completed` event names). */
export const BENEFIT_JOB_TYPES = ["benefit_create", "benefit_register", "benefit_update", "benefit_enroll", "benefit_unenroll"] as const;
/** A deduction job type. */
export type BenefitJobType = (typeof BENEFIT_JOB_TYPES)[number];

/** One per-item result, as `GET /jobs/manual/{id}` serves it. */
export interface JobItem {
  individual_id?: string;
  code: number;
  message: string;
}

const succeeded = (code: number) => code >= 200 && code < 300;

/**
 * The individuals a finished job applies to: each one whose own result is a success, or, when no result names
 * them, every requested one if the job's unnamed results are successes.
 */
function appliedIndividuals(requested: string[], status: string, body: JobItem[]): string[] {
  if (status !== "complete") return [];
  const named = new Map(body.filter((i) => i.individual_id).map((i) => [i.individual_id as string, i.code]));
  const unnamed = body.filter((i) => !i.individual_id);
  const unnamedOk = unnamed.length > 0 ? unnamed.every((i) => succeeded(i.code)) : named.size === 0;
  return requested.filter((id) => (named.has(id) ? succeeded(named.get(id) as number) : unnamedOk));
}

/**
 * Apply a finished job's outcome to the connection's benefits state (in the caller's transaction). The job's move
 * comes first: when another run already finished it, the move is refused and nothing else is written.
 */
export async function applyJobOutcome(
  deps: Pick<Deps, "db" | "clock">,
  job: BenefitJobRow,
  status: JobOutcomeStatus,
  body: JobItem[],
  actor = "system",
): Promise<Result<true>> {
  const now = deps.clock.now();
  const moved = await transitionBenefitJob(deps, job, status, { body, completedAt: now }, actor);
  if (!moved.ok) return moved;
  const ok = status === "complete" && body.every((i) => i.individual_id || succeeded(i.code));
  let verificationState: VerificationState | null = null;
  let verification: StoredVerification | null = null;
  switch (job.type) {
    case "benefit_create":
    case "benefit_register": {
      const created = await transitionBenefit(deps, job.benefitId, "pending", ok ? "active" : "failed");
      if (!created.ok) return created;
      break;
    }
    case "benefit_update":
      if (ok)
        await updateBenefit(deps.db, job.benefitId, {
          description: (job.request.description as string | undefined) ?? null,
          updatedAt: now,
        });
      break;
    case "benefit_enroll": {
      const items = job.request.items as EnrollmentInput[];
      const applied = new Set(
        appliedIndividuals(
          items.map((i) => i.individual_id),
          status,
          body,
        ),
      );
      await upsertEnrollments(
        deps.db,
        items
          .filter((i) => applied.has(i.individual_id))
          .map(({ individual_id, configuration: c }) => ({
            benefitId: job.benefitId,
            individualId: individual_id,
            connectionId: job.connectionId,
            employeeDeduction: c.employee_deduction ?? null,
            companyContribution: c.company_contribution ?? null,
            annualMaximum: c.annual_maximum ?? null,
            catchUp: c.catch_up ?? null,
            hsaContributionLimit: c.annual_contribution_limit ?? null,
            effectiveDate: c.effective_date ?? null,
            updatedAt: now,
          })),
      );
      if (applied.size > 0)
        [verificationState, verification] = [
          "pending",
          { state: "pending", checked_at: null, snapshot_id: null, details: [], applied: [...applied] },
        ];
      break;
    }
    case "benefit_unenroll": {
      const applied = appliedIndividuals(job.request.individual_ids as string[], status, body);
      await deleteEnrollments(deps.db, job.benefitId, applied);
      if (applied.length > 0)
        [verificationState, verification] = ["pending", { state: "pending", checked_at: null, snapshot_id: null, details: [], applied }];
      break;
    }
  }
  if (verificationState) await updateBenefitJob(deps.db, job.id, { verificationState, verification });
  return moved;
}

/** Called when an operator completes a manual job (in its transaction): a deduction job updates the benefits state. */
export async function onManualJobCompleted(
  deps: Pick<Deps, "db" | "clock">,
  manual: ManualJobRow,
  outcome: { status: JobOutcomeStatus; body: JobItem[] },
  actor = "system",
): Promise<Result<true>> {
  const job = await findBenefitJob(deps.db, manual.id);
  return job ? applyJobOutcome(deps, job, outcome.status, outcome.body, actor) : { ok: true, value: true };
}

/** Results a sandbox provider gives for a job that completes. */
async function sandboxResults(deps: Pick<Deps, "db">, job: BenefitJobRow): Promise<JobItem[]> {
  switch (job.type) {
    case "benefit_enroll": {
      const items = job.request.items as EnrollmentInput[];
      const existing = new Set(
        (
          await listEnrollments(
            deps.db,
            job.benefitId,
            items.map((i) => i.individual_id),
          )
        ).map((e) => e.individualId),
      );
      return items.map((i) =>
        existing.has(i.individual_id)
          ? { individual_id: i.individual_id, code: 200, message: "Successfully updated enrollment for individual" }
          : { individual_id: i.individual_id, code: 201, message: "Successfully enrolled individual in benefit" },
      );
    }
    case "benefit_unenroll":
      return (job.request.individual_ids as string[]).map((id) => ({
        individual_id: id,
        code: 200,
        message: "Successfully unenrolled individual from benefit",
      }));
    case "benefit_update":
      return [{ code: 200, message: "Successfully updated benefit" }];
    default:
      return [{ code: 201, message: job.type === "benefit_register" ? "Successfully registered benefit" : "Successfully created benefit" }];
  }
}

/**
 * Run a deduction job of a sandbox automated connection (pg-boss): it ends as the sandbox jobs configuration says
 * for its type (`complete` by default, or `error`), applies the change, and records `job.<type>.completed`.
 */
export async function runBenefitJob(deps: Deps, jobId: string): Promise<void> {
  const job = await findBenefitJob(deps.db, jobId);
  if (job?.status !== "pending" || job.mode !== "automated") return; // already run (at-least-once delivery)
  const connection = await findConnection(deps.db, job.connectionId);
  if (!connection) return;
  const outcomes = await listSandboxBenefitOutcomes(deps.db, connection.companyId);
  const failed = connection.status === "disconnected" || outcomes.find((o) => o.jobType === job.type)?.completionStatus === "error";
  const status = failed ? "error" : "complete";
  const body = failed
    ? [{ code: 500, message: "The provider failed to process the change (sandbox job configuration)" }]
    : await sandboxResults(deps, job);
  await transactional(deps.db, async (tx) => {
    const now = deps.clock.now();
    const applied = await applyJobOutcome({ db: tx, clock: deps.clock }, job, status, body);
    if (!applied.ok) return applied; // another delivery of this job ran it first
    await insertEvent(tx, {
      type: `job.${job.type}.completed`,
      applicationId: connection.applicationId,
      connectionId: connection.id,
      createdAt: now,
      payload: { job_id: job.id, job_url: `${deps.config.publicUrl}/jobs/manual/${job.id}`, status },
    });
    await insertActivity(tx, {
      connectionId: connection.id,
      actor: "system",
      kind: "benefit_job",
      fromStatus: null,
      toStatus: null,
      message: `Deduction job ${job.type} ${status}`,
      at: now,
    });
    return ok(true);
  });
}

/** A stored verification as served (`linnet_verification`). */
export function presentVerification(v: StoredVerification | null): LinnetVerification {
  if (!v) return null;
  return { state: v.state, checked_at: v.checked_at ?? null, snapshot_id: v.snapshot_id ?? null, details: v.details ?? [] };
}

/** The write-then-verify outcome of a deduction job (for the developer dashboard and the consoles); null when none applies yet. */
export async function benefitJobVerification(deps: Pick<Deps, "db">, jobId: string): Promise<LinnetVerification | undefined> {
  const job = isUuid(jobId) ? await findBenefitJob(deps.db, jobId) : undefined;
  return job ? presentVerification(job.verification) : undefined;
}

/** A connection's latest deduction jobs with their verification, for the developer dashboard's connection page. */
export async function deductionJobsOf(deps: Pick<Deps, "db">, connectionId: string, limit = 50): Promise<DashboardDeductionJob[]> {
  const jobs = await listBenefitJobs(deps.db, connectionId, limit);
  return jobs.map((j) => ({
    job_id: j.id,
    type: j.type,
    mode: j.mode,
    status: j.status,
    created_at: j.createdAt.toISOString(),
    completed_at: j.completedAt?.toISOString() ?? null,
    verification: presentVerification(j.verification),
  }));
}

/** The job answer of `GET /jobs/manual/{job_id}`. */
export interface DeductionJobAnswer {
  job_id: string;
  status: "pending" | "in_progress" | "complete" | "error";
  body: unknown[] | null;
  linnet_verification?: LinnetVerification;
}

/**
 * `GET /jobs/manual/{job_id}`: every deduction job of the token's connection, automated or assisted, with Linnet's
 * `linnet_verification`; other manual jobs as before.
 */
export async function readDeductionJob(deps: Pick<Deps, "db">, ctx: TokenContext, jobId: string): Promise<Result<DeductionJobAnswer>> {
  const job = isUuid(jobId) ? await findBenefitJob(deps.db, jobId) : undefined;
  if (!job || job.connectionId !== ctx.connection.id || job.mode === "assisted") {
    const manual = await readManualJob(deps, ctx, jobId);
    if (!manual.ok || !job) return manual;
    return ok({ ...manual.value, linnet_verification: presentVerification(job.verification) });
  }
  return ok({ job_id: job.id, status: job.status, body: job.body, linnet_verification: presentVerification(job.verification) });
}
