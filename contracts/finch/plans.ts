/** Benefit plans, enrollments and dependents (`/employer/plans*`, beta in Finch): the spec's schemas, field by field. */
import { z } from "zod";
import { BatchErrorSchema, PagingSchema } from "./employer.js";

/** `PlanType`. */
export const PLAN_TYPES = [
  "commuter",
  "dental",
  "hsa",
  "fsa",
  "life_insurance",
  "long_term_disability",
  "medical",
  "other",
  "short_term_disability",
  "vision",
] as const;
/** A plan type. */
export type PlanType = (typeof PLAN_TYPES)[number];
/** `PlanNetworkType`. */
export const NETWORK_TYPES = ["epo", "hdhp", "hmo", "other", "pos", "ppo"] as const;
/** `DependentRelationshipType`. */
export const RELATIONSHIPS = [
  "child",
  "disabled_dependent",
  "domestic_partner",
  "foster_child",
  "other",
  "spouse",
  "stepchild",
  "ward",
] as const;
/** `DependentGender`. */
export const DEPENDENT_GENDERS = ["decline_to_specify", "female", "male", "other"] as const;
/** Most ids one batch read (`POST /employer/plans-enrollments` / `-dependents`) may ask for. */
export const PLANS_BATCH_MAX = 50;
/** Largest (and default) page of the plans lists. */
export const PLANS_PAGE_MAX = 50;

/** `PlanResponse` (also `GetPlanResponse`). */
export const PlanSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(PLAN_TYPES).nullable(),
    description: z.string().nullable(),
    network_type: z.enum(NETWORK_TYPES).nullable(),
    carrier: z.object({ id: z.string().nullable(), name: z.string().nullable() }).nullable(),
    start_date: z.string(),
    end_date: z.string().nullable(),
    coverage_tiers: z.array(z.string()).nullable(),
    deduction_codes: z.array(z.string()).nullable(),
  })
  .meta({ id: "PlanResponse" });
/** A plan as served. */
export type Plan = z.infer<typeof PlanSchema>;

/** `ContributionAmount` (cents). */
const ContributionAmountSchema = z.object({ amount: z.number().nullable(), currency: z.string().nullable() }).nullable();

/** `EnrollmentResponse`. */
export const EnrollmentSchema = z
  .object({
    id: z.string(),
    individual_id: z.string(),
    plan_id: z.string(),
    coverage_tier: z.string().nullable(),
    coverage_start_date: z.string().nullable(),
    coverage_end_date: z.string().nullable(),
    contributions: z
      .object({ frequency: z.string(), employee_contribution: ContributionAmountSchema, employer_contribution: ContributionAmountSchema })
      .nullable(),
    dependent_ids: z.array(z.string()).nullable(),
    status: z.string().nullable(),
  })
  .meta({ id: "EnrollmentResponse" });
/** An enrollment as served. */
export type Enrollment = z.infer<typeof EnrollmentSchema>;

/** `DependentCoverage`. */
export const DependentCoverageSchema = z.object({
  individual_id: z.string(),
  relationship_to_individual: z.enum(RELATIONSHIPS),
  enrollments: z.array(z.object({ id: z.string(), type: z.enum(PLAN_TYPES).nullable() })),
});
/** A dependent's coverage through one individual. */
export type DependentCoverage = z.infer<typeof DependentCoverageSchema>;

/** `DependentResponse`. */
export const DependentSchema = z
  .object({
    dependent_id: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    middle_name: z.string().nullable(),
    ssn: z.string().nullable(),
    date_of_birth: z.string().nullable(),
    gender: z.enum(DEPENDENT_GENDERS).nullable(),
    coverage: z.array(DependentCoverageSchema),
  })
  .meta({ id: "DependentResponse" });
/** A dependent as served. */
export type Dependent = z.infer<typeof DependentSchema>;

/** `GetAllPlansResponse`. */
export const PlansPageSchema = z.object({ paging: PagingSchema, plans: z.array(PlanSchema) }).meta({ id: "GetAllPlansResponse" });
/** `GetAllEnrollmentsResponse`. */
export const EnrollmentsPageSchema = z
  .object({ paging: PagingSchema, enrollments: z.array(EnrollmentSchema) })
  .meta({ id: "GetAllEnrollmentsResponse" });
/** `GetAllDependentsResponse`. */
export const DependentsPageSchema = z
  .object({ paging: PagingSchema, dependents: z.array(DependentSchema) })
  .meta({ id: "GetAllDependentsResponse" });

/** `GetEnrollmentsResponse`. */
export const EnrollmentBatchSchema = z
  .object({
    responses: z.array(
      z.object({ enrollment_id: z.string(), code: z.number().int(), body: z.union([EnrollmentSchema, BatchErrorSchema]) }),
    ),
  })
  .meta({ id: "GetEnrollmentsResponse" });
/** `GetDependentsResponse`. */
export const DependentBatchSchema = z
  .object({
    responses: z.array(z.object({ dependent_id: z.string(), code: z.number().int(), body: z.union([DependentSchema, BatchErrorSchema]) })),
  })
  .meta({ id: "GetDependentsResponse" });

/** Body of `POST /employer/plans-enrollments` (at most 50 ids; more is a 400 naming `requests`). */
export const EnrollmentBatchRequestSchema = z.object({ requests: z.array(z.object({ enrollment_id: z.string() })).max(PLANS_BATCH_MAX) });
/** Body of `POST /employer/plans-dependents`. */
export const DependentBatchRequestSchema = z.object({
  requests: z.array(z.object({ dependent_id: z.string() })).max(PLANS_BATCH_MAX),
  options: z.object({ include: z.array(z.enum(["ssn"])).optional() }).nullish(),
});
