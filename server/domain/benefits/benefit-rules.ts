import type { BenefitType, CreateBenefitBody, EnrollBody, EnrollmentConfiguration } from "../../../contracts/finch/benefits.js";
import { type ErrorId, fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";
import { featuresOf } from "./benefit-features.js";
import { annualEmployeeLimit, HSA_TYPES, RETIREMENT_TYPES } from "./irs-limits-2026.js";

/** Basis points in 100 %. */
const FULL = 10_000;

const dollars = (cents: number) => `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A validation failure naming its field. */
const bad = (id: ErrorId, field: string, message: string): Result<never> => fail(id, `${field}: ${message}`);

/** Check a benefit to create or register against its type's features. */
export function checkBenefit(body: CreateBenefitBody): Result<true> {
  const type = body.type ?? null;
  const features = featuresOf(type);
  if (body.frequency && !features.frequencies.includes(body.frequency)) {
    return bad(
      "unprocessable_parameters",
      "frequency",
      `"${body.frequency}" is not supported for ${type ?? "untyped"} benefits (use ${features.frequencies.join(", ")})`,
    );
  }
  const match = body.company_contribution;
  if (match) {
    if (!features.company_contribution.includes("tiered"))
      return bad("unprocessable_parameters", "company_contribution", `a company match is not supported for ${type ?? "untyped"} benefits`);
    for (const [i, t] of match.tiers.entries()) {
      if (t.match < 1 || t.match > FULL)
        return bad("unprocessable_parameters", `company_contribution.tiers[${i}].match`, "must be 1 to 10000 basis points");
      if (t.threshold < 1 || t.threshold > FULL)
        return bad("unprocessable_parameters", `company_contribution.tiers[${i}].threshold`, "must be 1 to 10000 basis points");
    }
  }
  return ok(true);
}

/** Check an amount: cents ≥ 0 for fixed, 0–10000 basis points for percent. */
function checkAmount(field: string, type: string, amount: number | undefined): Result<true> {
  if (amount === undefined) return bad("unprocessable_parameters", `${field}.amount`, `is required for ${type} amounts`);
  if (amount < 0) return bad("unprocessable_parameters", `${field}.amount`, "must not be negative");
  if (type === "percent" && amount > FULL)
    return bad("unprocessable_parameters", `${field}.amount`, "a percent is in basis points and cannot exceed 10000 (100%)");
  return ok(true);
}

/** Check one individual's configuration against the benefit type's features and the 2026 legal limits. */
function checkConfiguration(type: BenefitType | null, at: string, c: EnrollmentConfiguration): Result<true> {
  const features = featuresOf(type);
  const label = type ?? "untyped";
  const deduction = c.employee_deduction;
  if (c.catch_up && !RETIREMENT_TYPES.has(type as BenefitType))
    return bad("unprocessable_parameters", `${at}.catch_up`, `catch-up applies to retirement benefits only, not ${label}`);
  if (c.annual_contribution_limit && !HSA_TYPES.has(type as BenefitType)) {
    return bad("unprocessable_parameters", `${at}.annual_contribution_limit`, `applies to HSA benefits only, not ${label}`);
  }
  const limit = annualEmployeeLimit(type, { catchUp: c.catch_up === true, hsa: c.annual_contribution_limit ?? "individual" });
  if (deduction) {
    const field = `${at}.employee_deduction`;
    if (!features.employee_deduction.includes(deduction.type))
      return bad("unprocessable_parameters", `${field}.type`, `"${deduction.type}" deductions are not supported for ${label} benefits`);
    const amount = checkAmount(field, deduction.type, deduction.amount);
    if (!amount.ok) return amount;
    if (deduction.type === "fixed" && limit !== null && deduction.amount > limit) {
      return bad(
        "unprocessable_parameters",
        `${field}.amount`,
        `${dollars(deduction.amount)} per deduction is over the 2026 legal maximum of ${dollars(limit)} a year for ${label}`,
      );
    }
  }
  const contribution = c.company_contribution;
  if (contribution) {
    const field = `${at}.company_contribution`;
    if (!features.company_contribution.includes(contribution.type))
      return bad(
        "unprocessable_parameters",
        `${field}.type`,
        `"${contribution.type}" contributions are not supported for ${label} benefits`,
      );
    if (contribution.type === "tiered") {
      if (!contribution.tiers?.length) return bad("unprocessable_parameters", `${field}.tiers`, "are required for tiered contributions");
      for (const [i, t] of contribution.tiers.entries()) {
        if (t.match < 0 || t.match > FULL)
          return bad("unprocessable_parameters", `${field}.tiers[${i}].match`, "must be 0 to 10000 basis points");
        if (t.threshold < 0 || t.threshold > FULL)
          return bad("unprocessable_parameters", `${field}.tiers[${i}].threshold`, "must be 0 to 10000 basis points");
      }
    } else {
      const amount = checkAmount(field, contribution.type, contribution.amount);
      if (!amount.ok) return amount;
    }
  }
  if (c.annual_maximum !== undefined && c.annual_maximum !== null) {
    const field = `${at}.annual_maximum`;
    if (!features.annual_maximum) return bad("unprocessable_parameters", field, `an annual maximum is not supported for ${label} benefits`);
    if (c.annual_maximum < 0) return bad("unprocessable_parameters", field, "must not be negative");
    if (limit !== null && c.annual_maximum > limit) {
      return bad(
        "unprocessable_parameters",
        field,
        `${dollars(c.annual_maximum)} is over the 2026 legal maximum of ${dollars(limit)} for ${label}${c.catch_up ? " with catch-up" : ""}`,
      );
    }
  }
  return ok(true);
}

/** A validated enrollment: the individual and the configuration to store. */
export interface EnrollmentInput {
  individual_id: string;
  configuration: EnrollmentConfiguration;
}

/**
 * Check an enroll batch: every item names an individual once, and each configuration is legal for the benefit's type.
 * `known` tells which individual ids exist in the connection's data.
 */
export function checkEnrollment(type: BenefitType | null, body: EnrollBody, known: ReadonlySet<string>): Result<EnrollmentInput[]> {
  if (body.length === 0) return fail("invalid_request", "body: list at least one individual to enroll");
  const seen = new Set<string>();
  const items: EnrollmentInput[] = [];
  for (const [i, item] of body.entries()) {
    const at = `body[${i}]`;
    const id = item.individual_id;
    if (!id) return bad("invalid_request", `${at}.individual_id`, "is required");
    if (!isUuid(id) || !known.has(id))
      return bad("individual_not_found", `${at}.individual_id`, `no individual "${id}" in this connection's data`);
    if (seen.has(id))
      return bad("invalid_employee_enrollment", `${at}.individual_id`, `individual "${id}" is listed more than once in this request`);
    seen.add(id);
    const configuration = item.configuration ?? {};
    const checked = checkConfiguration(type, `${at}.configuration`, configuration);
    if (!checked.ok) return checked;
    items.push({ individual_id: id, configuration });
  }
  return ok(items);
}

/** Check an unenroll list: known individuals, each once. */
export function checkUnenrollment(ids: string[] | undefined, known: ReadonlySet<string>): Result<string[]> {
  if (!ids || ids.length === 0) return fail("invalid_request", "individual_ids: list at least one individual to unenroll");
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (!isUuid(id) || !known.has(id))
      return bad("individual_not_found", `individual_ids[${i}]`, `no individual "${id}" in this connection's data`);
    if (seen.has(id)) return bad("invalid_employee_enrollment", `individual_ids[${i}]`, `individual "${id}" is listed more than once`);
    seen.add(id);
  }
  return ok(ids);
}
