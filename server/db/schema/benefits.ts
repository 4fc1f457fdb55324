import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { BenefitFrequency, BenefitType, CompanyMatch, EnrollmentConfiguration } from "../../../contracts/finch/benefits.js";
import type { StoredVerification } from "./types/benefits.js";
import { oneOf } from "./types/check.js";
import {
  BENEFIT_STATES,
  type BenefitState,
  JOB_OUTCOME_STATUSES,
  JOB_STATUSES,
  type JobOutcomeStatus,
  type JobStatus,
  VERIFICATION_STATES,
  type VerificationState,
} from "./types/statuses.js";

/**
 * Deductions ("benefits") of a connection as Linnet knows them: created by writes once their job completes, or
 * seeded for sandbox connections. `state` is `pending` until the creating job completes, then `active`; a failed
 * creation leaves it `failed`. Only active benefits are served.
 */
export const benefits = pgTable(
  "benefits",
  {
    /** The benefit_id. */
    id: uuid("id").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    /** BenefitType (401k, hsa_pre, …) or null. */
    type: text("type").$type<BenefitType>(),
    description: text("description"),
    /** every_paycheck | monthly | one_time | null */
    frequency: text("frequency").$type<BenefitFrequency>(),
    /** `{ type: "match", tiers: [{ match, threshold }] }` or null. */
    companyContribution: jsonb("company_contribution").$type<CompanyMatch | null>(),
    /** pending | active | failed (`domain/benefits/benefit-job-machine.ts`), held by a CHECK constraint. */
    state: text("state").$type<BenefitState>().notNull(),
    /** `api` (a write) or `sandbox` (seeded). */
    origin: text("origin").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("benefits_connection_idx").on(t.connectionId, t.createdAt), check("benefits_state_check", oneOf("state", BENEFIT_STATES))],
);

/** One individual's enrollment in a benefit (an enrollment is replaced as a whole by a new enroll write). */
export const benefitEnrollments = pgTable(
  "benefit_enrollments",
  {
    benefitId: uuid("benefit_id").notNull(),
    individualId: uuid("individual_id").notNull(),
    connectionId: uuid("connection_id").notNull(),
    /** `{ type: fixed|percent, amount }` (cents or basis points) or null. */
    employeeDeduction: jsonb("employee_deduction").$type<EnrollmentConfiguration["employee_deduction"] | null>(),
    /** `{ type: fixed|percent, amount }` or `{ type: "tiered", tiers }` or null. */
    companyContribution: jsonb("company_contribution").$type<EnrollmentConfiguration["company_contribution"] | null>(),
    /** Cents per year, or null. */
    annualMaximum: bigint("annual_maximum", { mode: "number" }),
    catchUp: boolean("catch_up"),
    /** HSA only: individual | family. */
    hsaContributionLimit: text("hsa_contribution_limit"),
    /** YYYY-MM-DD. */
    effectiveDate: text("effective_date"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.benefitId, t.individualId] }), index("benefit_enrollments_connection_idx").on(t.connectionId)],
);

/**
 * Every deduction write and its job. Assisted connections also have a `manual_jobs` row with the same id (the
 * operator's side); automated (sandbox) ones run on pg-boss. `request` is the validated write, applied when the job
 * completes; `verification` is the write-then-verify outcome after the next pay publish.
 */
export const benefitJobs = pgTable(
  "benefit_jobs",
  {
    /** The job_id. */
    id: uuid("id").primaryKey(),
    connectionId: uuid("connection_id").notNull(),
    applicationId: uuid("application_id").notNull(),
    /** benefit_create | benefit_register | benefit_update | benefit_enroll | benefit_unenroll */
    type: text("type").notNull(),
    /** automated | assisted */
    mode: text("mode").notNull(),
    benefitId: uuid("benefit_id").notNull(),
    /** The deduction job machine's state (`domain/benefits/benefit-job-machine.ts`), held by a CHECK constraint. */
    status: text("status").$type<JobStatus>().notNull(),
    request: jsonb("request").$type<Record<string, unknown>>().notNull(),
    /** Per-item results as `GET /jobs/manual/{id}` serves them. */
    body: jsonb("body").$type<unknown[]>(),
    /** null (not applicable or not yet complete) | pending | verified | not_yet_visible | mismatch */
    verificationState: text("verification_state").$type<VerificationState>(),
    verification: jsonb("verification").$type<StoredVerification>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("benefit_jobs_connection_idx").on(t.connectionId, t.createdAt),
    index("benefit_jobs_verification_idx").on(t.connectionId, t.verificationState),
    check("benefit_jobs_status_check", oneOf("status", JOB_STATUSES)),
    check("benefit_jobs_verification_state_check", oneOf("verification_state", VERIFICATION_STATES, true)),
  ],
);

/** `Idempotency-Key`s of deduction writes: only the SHA-256 of the key is stored, per application and connection, for 24 hours. */
export const benefitIdempotencyKeys = pgTable(
  "benefit_idempotency_keys",
  {
    applicationId: uuid("application_id").notNull(),
    connectionId: uuid("connection_id").notNull(),
    keyHash: text("key_hash").notNull(),
    /** SHA-256 of the operation and its canonical body: the same key with another body is refused. */
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code").notNull(),
    response: jsonb("response").$type<Record<string, unknown>>().notNull(),
    jobId: uuid("job_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.connectionId, t.keyHash] })],
);

/** How the next sandbox benefit jobs of a sandbox company end (`PUT /sandbox/jobs/configuration` with a benefit_* type). */
export const sandboxBenefitOutcomes = pgTable(
  "sandbox_benefit_outcomes",
  {
    companyId: uuid("company_id").notNull(),
    /** benefit_create | benefit_register | benefit_update | benefit_enroll | benefit_unenroll */
    jobType: text("job_type").notNull(),
    /** complete | error */
    completionStatus: text("completion_status").$type<JobOutcomeStatus>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.jobType] }),
    check("sandbox_benefit_outcomes_completion_status_check", oneOf("completion_status", JOB_OUTCOME_STATUSES)),
  ],
);

/** Sandbox connections whose benefits were seeded from their pay data (once). */
export const sandboxBenefitSeeds = pgTable("sandbox_benefit_seeds", {
  connectionId: uuid("connection_id").primaryKey(),
  seededAt: timestamp("seeded_at", { withTimezone: true }).notNull(),
});
