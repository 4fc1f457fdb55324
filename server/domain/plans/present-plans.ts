/** Stored plan rows, and deductions without a stored plan, as the spec's `PlanResponse` / `EnrollmentResponse` / `DependentResponse`. */
import { createHash } from "node:crypto";
import type { Dependent, DependentCoverage, Enrollment, Plan, PlanType } from "../../../contracts/finch/plans.js";
import type { BenefitRow, EnrollmentRow } from "../../db/repositories/benefits.repository.js";
import type { PlanDependentRow, PlanEnrollmentRow, PlanRow } from "../../db/repositories/plans.repository.js";
import type { Cipher } from "../security/encryption.js";

/**
 * The plan type of a deduction type. Retirement, loans, garnishments and custom deductions are not carrier plans and
 * stay out of `/employer/plans` (they remain in `/employer/benefits`).
 */
export const PLAN_TYPE_OF_DEDUCTION: Readonly<Record<string, PlanType>> = {
  s125_medical: "medical",
  s125_dental: "dental",
  s125_vision: "vision",
  hsa_pre: "hsa",
  hsa_post: "hsa",
  fsa_medical: "fsa",
  fsa_dependent_care: "fsa",
  commuter: "commuter",
};

/** Deduction frequency → `ContributionFrequency`. */
const FREQUENCY: Readonly<Record<string, string>> = { every_paycheck: "per_pay_period", monthly: "monthly", one_time: "one_time" };

/** The sealing context of a dependent's SSN and date of birth. */
export const dependentAad = (connectionId: string, dependentId: string) => `plan_dependent:${connectionId}:${dependentId}`;

/** A stable UUID-shaped id for a deduction enrollment presented as a plan enrollment (same benefit and person, same id). */
export function derivedEnrollmentId(benefitId: string, individualId: string): string {
  const h = createHash("sha256").update(`${benefitId}:${individualId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A stored plan. */
export function presentPlan(p: PlanRow): Plan {
  return {
    id: p.id,
    name: p.name,
    type: p.type as Plan["type"],
    description: p.description,
    network_type: p.networkType as Plan["network_type"],
    carrier: p.carrierId === null && p.carrierName === null ? null : { id: p.carrierId, name: p.carrierName },
    start_date: p.startDate,
    end_date: p.endDate,
    coverage_tiers: p.coverageTiers ?? null,
    deduction_codes: p.deductionCodes ?? null,
  };
}

/** A deduction with no stored plan, as a plan: same id as the benefit, no carrier or tiers known. */
export function presentDeductionPlan(b: BenefitRow): Plan {
  return {
    id: b.id,
    name: b.description ?? b.type ?? "Benefit",
    type: PLAN_TYPE_OF_DEDUCTION[b.type ?? ""] ?? null,
    description: b.description,
    network_type: null,
    carrier: null,
    start_date: b.createdAt.toISOString().slice(0, 10),
    end_date: null,
    coverage_tiers: null,
    deduction_codes: b.type ? [b.type] : null,
  };
}

/** A stored enrollment. */
export function presentEnrollment(e: PlanEnrollmentRow): Enrollment {
  return {
    id: e.id,
    individual_id: e.individualId,
    plan_id: e.planId,
    coverage_tier: e.coverageTier,
    coverage_start_date: e.coverageStartDate,
    coverage_end_date: e.coverageEndDate,
    contributions: (e.contributions ?? null) as Enrollment["contributions"],
    dependent_ids: e.dependentIds,
    status: e.status,
  };
}

/** A fixed amount in cents as a `ContributionAmount`; percent elections have no amount. */
function amountOf(value: { type: string; amount?: number } | null | undefined): { amount: number | null; currency: string | null } | null {
  if (!value) return null;
  return value.type === "fixed" && typeof value.amount === "number"
    ? { amount: value.amount, currency: "usd" }
    : { amount: null, currency: null };
}

/** A deduction enrollment with no stored plan, as a plan enrollment. */
export function presentDeductionEnrollment(b: BenefitRow, e: EnrollmentRow): Enrollment {
  return {
    id: derivedEnrollmentId(b.id, e.individualId),
    individual_id: e.individualId,
    plan_id: b.id,
    coverage_tier: null,
    coverage_start_date: e.effectiveDate,
    coverage_end_date: null,
    contributions: {
      frequency: FREQUENCY[b.frequency ?? ""] ?? "per_pay_period",
      employee_contribution: amountOf(e.employeeDeduction),
      employer_contribution: amountOf(e.companyContribution),
    },
    dependent_ids: [],
    status: "active",
  };
}

/** A stored dependent; the SSN only when asked for and allowed. */
export function presentDependent(cipher: Cipher, d: PlanDependentRow, withSsn: boolean): Dependent {
  const secret = d.sealed
    ? (JSON.parse(cipher.decrypt(d.sealed, dependentAad(d.connectionId, d.id))) as { ssn: string | null; date_of_birth: string | null })
    : null;
  return {
    dependent_id: d.id,
    first_name: d.firstName,
    last_name: d.lastName,
    middle_name: d.middleName,
    ssn: withSsn ? (secret?.ssn ?? null) : null,
    date_of_birth: secret?.date_of_birth ?? null,
    gender: d.gender as Dependent["gender"],
    coverage: d.coverage as DependentCoverage[],
  };
}
