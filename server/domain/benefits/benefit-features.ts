import { BENEFIT_TYPES, type BenefitFrequency, type BenefitType } from "../../../contracts/finch/benefits.js";

/** What Linnet supports for a benefit type (`BenefitFeature`), the same for every provider. */
export interface BenefitFeature {
  description: string;
  frequencies: BenefitFrequency[];
  employee_deduction: ("fixed" | "percent")[];
  company_contribution: ("fixed" | "percent" | "tiered")[];
  annual_maximum: boolean;
  catch_up: boolean;
  hsa_contribution_limit: ("individual" | "family")[] | null;
}

const retirement = (description: string): BenefitFeature => ({
  description,
  frequencies: ["every_paycheck"],
  employee_deduction: ["fixed", "percent"],
  company_contribution: ["fixed", "percent", "tiered"],
  annual_maximum: true,
  catch_up: true,
  hsa_contribution_limit: null,
});
const premium = (description: string): BenefitFeature => ({
  description,
  frequencies: ["every_paycheck", "monthly"],
  employee_deduction: ["fixed"],
  company_contribution: ["fixed"],
  annual_maximum: false,
  catch_up: false,
  hsa_contribution_limit: null,
});
const account = (description: string, hsa: boolean): BenefitFeature => ({
  description,
  frequencies: ["every_paycheck", "monthly"],
  employee_deduction: ["fixed"],
  company_contribution: ["fixed"],
  annual_maximum: true,
  catch_up: false,
  hsa_contribution_limit: hsa ? ["individual", "family"] : null,
});
const custom = (description: string): BenefitFeature => ({
  description,
  frequencies: ["every_paycheck", "monthly", "one_time"],
  employee_deduction: ["fixed", "percent"],
  company_contribution: ["fixed", "percent"],
  annual_maximum: true,
  catch_up: false,
  hsa_contribution_limit: null,
});

/** Features by benefit type. */
export const BENEFIT_FEATURES: Record<BenefitType, BenefitFeature> = {
  "457": retirement("457(b)"),
  "401k": retirement("401(k)"),
  "401k_roth": retirement("Roth 401(k)"),
  "401k_loan": {
    ...custom("401(k) loan repayment"),
    frequencies: ["every_paycheck"],
    employee_deduction: ["fixed"],
    company_contribution: [],
    annual_maximum: false,
  },
  "403b": retirement("403(b)"),
  "403b_roth": retirement("Roth 403(b)"),
  "457_roth": retirement("Roth 457(b)"),
  commuter: premium("Commuter benefits"),
  custom_post_tax: custom("Custom post-tax deduction"),
  custom_pre_tax: custom("Custom pre-tax deduction"),
  fsa_dependent_care: account("Dependent care FSA", false),
  fsa_medical: account("Health FSA", false),
  hsa_post: account("HSA (post-tax)", true),
  hsa_pre: account("HSA (pre-tax)", true),
  s125_dental: premium("Dental (section 125)"),
  s125_medical: premium("Medical (section 125)"),
  s125_vision: premium("Vision (section 125)"),
  simple: retirement("SIMPLE 401(k)"),
  simple_ira: retirement("SIMPLE IRA"),
};

/** Features of a benefit's type; a benefit without a type is treated as a custom pre-tax deduction. */
export function featuresOf(type: BenefitType | null): BenefitFeature {
  return BENEFIT_FEATURES[type ?? "custom_pre_tax"];
}

/** `GET /employer/benefits/meta`: every type with its features. */
export function benefitsMeta() {
  return BENEFIT_TYPES.map((type) => ({ type, ...BENEFIT_FEATURES[type] }));
}
