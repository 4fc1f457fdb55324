import { z } from "zod";

/** Deductions ("benefits") shapes of the Finch API (`/employer/benefits*`), field for field. Amounts are integers: cents, or basis points for percents. */

/** Every benefit type Finch knows. */
export const BENEFIT_TYPES = [
  "457",
  "401k",
  "401k_roth",
  "401k_loan",
  "403b",
  "403b_roth",
  "457_roth",
  "commuter",
  "custom_post_tax",
  "custom_pre_tax",
  "fsa_dependent_care",
  "fsa_medical",
  "hsa_post",
  "hsa_pre",
  "s125_dental",
  "s125_medical",
  "s125_vision",
  "simple",
  "simple_ira",
] as const;
/** A benefit type. */
export type BenefitType = (typeof BENEFIT_TYPES)[number];

/** How often a deduction is taken. */
export const BENEFIT_FREQUENCIES = ["every_paycheck", "monthly", "one_time"] as const;
/** A deduction frequency. */
export type BenefitFrequency = (typeof BENEFIT_FREQUENCIES)[number];

const basisPoints = z.number().int();
const tier = z.object({ match: basisPoints, threshold: basisPoints });

/** A company match (`BenefitCompanyMatchContribution`): 1 to 3 tiers in basis points. */
export const CompanyMatchSchema = z
  .object({ type: z.literal("match"), tiers: z.array(tier).min(1).max(3) })
  .meta({ id: "BenefitCompanyMatchContribution" });

/** A company match as stored and served. */
export type CompanyMatch = z.infer<typeof CompanyMatchSchema>;

/** `POST /employer/benefits`. */
export const CreateBenefitBodySchema = z.object({
  type: z.enum(BENEFIT_TYPES).nullable().optional(),
  description: z.string().max(255).optional(),
  frequency: z.enum(BENEFIT_FREQUENCIES).nullable().optional(),
  company_contribution: CompanyMatchSchema.nullable().optional(),
});
/** `POST /employer/benefits`. */
export type CreateBenefitBody = z.infer<typeof CreateBenefitBodySchema>;

/** `POST /employer/benefits/register`. */
export const RegisterBenefitBodySchema = CreateBenefitBodySchema.omit({ company_contribution: true });

/** `POST /employer/benefits/{benefit_id}`. */
export const UpdateBenefitBodySchema = z.object({ description: z.string().max(255).optional() });

/** An employee deduction or fixed/percent company contribution: cents for `fixed`, basis points for `percent`. */
export const AmountContributionSchema = z.object({ type: z.enum(["fixed", "percent"]), amount: z.number().int() });
/** A company contribution on an enrollment: fixed, percent, or tiered match. */
export const EnrollmentContributionSchema = z.object({
  type: z.enum(["fixed", "percent", "tiered"]),
  amount: z.number().int().optional(),
  tiers: z.array(tier).min(1).max(3).optional(),
});

/** One individual's enrollment configuration. */
export const EnrollmentConfigurationSchema = z.object({
  employee_deduction: AmountContributionSchema.nullable().optional(),
  company_contribution: EnrollmentContributionSchema.nullable().optional(),
  annual_maximum: z.number().int().nullable().optional(),
  annual_contribution_limit: z.enum(["individual", "family"]).optional(),
  catch_up: z.boolean().optional(),
  effective_date: z.iso.date().optional(),
});
/** One individual's enrollment configuration. */
export type EnrollmentConfiguration = z.infer<typeof EnrollmentConfigurationSchema>;

/** `POST /employer/benefits/{benefit_id}/individuals`: who to enroll, with what. */
export const EnrollBodySchema = z
  .array(z.object({ individual_id: z.string().optional(), configuration: EnrollmentConfigurationSchema.optional() }))
  .max(10_000);
/** `POST /employer/benefits/{benefit_id}/individuals`. */
export type EnrollBody = z.infer<typeof EnrollBodySchema>;

/** `DELETE /employer/benefits/{benefit_id}/individuals`. */
export const UnenrollBodySchema = z.object({ individual_ids: z.array(z.string()).max(10_000).optional() });

/** `CompanyBenefit`. */
export const CompanyBenefitSchema = z
  .object({
    benefit_id: z.string(),
    type: z.enum(BENEFIT_TYPES).nullable(),
    description: z.string().nullable(),
    frequency: z.enum(BENEFIT_FREQUENCIES).nullable(),
    company_contribution: CompanyMatchSchema.nullable(),
  })
  .meta({ id: "CompanyBenefit" });
/** `CompanyBenefit`. */
export type CompanyBenefit = z.infer<typeof CompanyBenefitSchema>;

/** Answer of a benefit-level write. */
export const BenefitJobResponseSchema = z.object({ benefit_id: z.string(), job_id: z.string() });
/** Answer of an enrollment write. */
export const JobResponseSchema = z.object({ job_id: z.string() });

/** `GET /employer/benefits/{benefit_id}/enrolled`. */
export const EnrolledIdsSchema = z.object({ benefit_id: z.string(), individual_ids: z.array(z.string()) });

/** One individual's enrollment as `GET …/individuals` serves it. */
export const IndividualBenefitSchema = z.object({
  employee_deduction: AmountContributionSchema.nullable(),
  company_contribution: EnrollmentContributionSchema.nullable(),
  annual_maximum: z.number().int().nullable(),
  catch_up: z.boolean().nullable(),
  hsa_contribution_limit: z.enum(["individual", "family"]).nullable().optional(),
});
/** One individual's enrollment as served. */
export type IndividualBenefit = z.infer<typeof IndividualBenefitSchema>;

/** A per-item error (`BatchError`). */
export const BatchErrorSchema = z.object({ code: z.number(), name: z.string(), finch_code: z.string().optional(), message: z.string() });

/** `IndividualBenefits`. */
export const IndividualBenefitsSchema = z.array(
  z.object({ individual_id: z.string(), code: z.number().int(), body: z.union([IndividualBenefitSchema, BatchErrorSchema]) }),
);

/** `BenefitFeature` (`GET /employer/benefits/meta`). */
export const BenefitFeatureSchema = z.object({
  type: z.enum(BENEFIT_TYPES),
  description: z.string().nullable(),
  frequencies: z.array(z.enum(BENEFIT_FREQUENCIES)),
  employee_deduction: z.array(z.enum(["fixed", "percent"])).nullable(),
  company_contribution: z.array(z.enum(["fixed", "percent", "tiered"])).nullable(),
  annual_maximum: z.boolean().nullable(),
  catch_up: z.boolean().nullable(),
  hsa_contribution_limit: z.array(z.enum(["individual", "family"])).nullable(),
});

/** Linnet's write-then-verify outcome of a deduction job (an extra field on job answers). */
export const LinnetVerificationSchema = z
  .object({
    state: z.enum(["pending", "verified", "not_yet_visible", "mismatch"]),
    checked_at: z.string().nullable(),
    snapshot_id: z.string().nullable(),
    details: z.array(
      z.object({
        individual_id: z.string(),
        state: z.enum(["verified", "not_yet_visible", "mismatch"]),
        expected: z.number().int().nullable(),
        found: z.number().int().nullable(),
        message: z.string(),
      }),
    ),
  })
  .nullable()
  .meta({ id: "LinnetVerification" });
/** Linnet's write-then-verify outcome of a deduction job. */
export type LinnetVerification = z.infer<typeof LinnetVerificationSchema>;

/** `ManualAsyncJob`, plus Linnet's `linnet_verification` for deduction jobs. */
export const ManualAsyncJobSchema = z.object({
  job_id: z.string(),
  status: z.enum(["pending", "in_progress", "complete", "error"]),
  body: z.array(z.unknown()).nullable(),
  linnet_verification: LinnetVerificationSchema.optional(),
});
