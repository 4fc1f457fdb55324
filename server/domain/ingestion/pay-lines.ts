/** The line-item columns of a payroll register: one column per earning, tax, deduction or employer contribution kind. */
import type { PayStatement } from "../../../contracts/finch/employer.js";

type Line<T> = NonNullable<NonNullable<T> extends readonly (infer U)[] ? U : never>;
/** Finch earning type; null = salary or wage, decided by whether the statement has hours. */
export type EarningType = Line<PayStatement["earnings"]>["type"];
/** Finch tax type. */
export type TaxType = NonNullable<Line<PayStatement["taxes"]>["type"]>;
/** Finch benefit type. */
export type BenefitType = NonNullable<Line<PayStatement["employee_deductions"]>["type"]>;

/** One line-item column: which list it goes to and how it is typed there. */
export type PayLine =
  | { field: string; kind: "earning"; name: string; earning: EarningType }
  | { field: string; kind: "tax"; name: string; tax: TaxType; employer: boolean }
  | { field: string; kind: "deduction"; name: string; benefit: BenefitType; preTax: boolean }
  | { field: string; kind: "contribution"; name: string; benefit: BenefitType };

const earning = <F extends string>(field: F, name: string, type: EarningType) => ({ field, kind: "earning", name, earning: type }) as const;
const tax = <F extends string>(field: F, name: string, type: TaxType, employer = false) =>
  ({ field, kind: "tax", name, tax: type, employer }) as const;
const deduction = <F extends string>(field: F, name: string, benefit: BenefitType, preTax: boolean) =>
  ({ field, kind: "deduction", name, benefit, preTax }) as const;
const contribution = <F extends string>(field: F, name: string, benefit: BenefitType) =>
  ({ field, kind: "contribution", name, benefit }) as const;

/** Every line-item column a register mapping may use. The name is used when the column has none. */
export const PAY_LINES = [
  earning("earnings_regular", "Regular", null),
  earning("earnings_overtime", "Overtime", "overtime"),
  earning("earnings_double_overtime", "Double Overtime", "double_overtime"),
  earning("earnings_bonus", "Bonus", "bonus"),
  earning("earnings_commission", "Commission", "commission"),
  earning("earnings_pto", "PTO", "pto"),
  earning("earnings_sick", "Sick", "sick"),
  earning("earnings_tips", "Tips", "tips"),
  earning("earnings_severance", "Severance", "severance"),
  earning("earnings_other", "Other Earnings", "other"),
  tax("tax_federal", "Federal Income Tax", "federal"),
  tax("tax_state", "State Income Tax", "state"),
  tax("tax_local", "Local Income Tax", "local"),
  tax("tax_social_security", "Social Security", "fica"),
  tax("tax_medicare", "Medicare", "fica"),
  tax("tax_state_disability", "State Disability Insurance", "state"),
  tax("employer_tax_social_security", "Employer Social Security", "fica", true),
  tax("employer_tax_medicare", "Employer Medicare", "fica", true),
  tax("employer_tax_futa", "FUTA", "federal", true),
  tax("employer_tax_suta", "SUTA", "state", true),
  deduction("deduction_401k", "401(k)", "401k", true),
  deduction("deduction_401k_roth", "Roth 401(k)", "401k_roth", false),
  deduction("deduction_401k_loan", "401(k) Loan", "401k_loan", false),
  deduction("deduction_403b", "403(b)", "403b", true),
  deduction("deduction_medical", "Medical", "s125_medical", true),
  deduction("deduction_dental", "Dental", "s125_dental", true),
  deduction("deduction_vision", "Vision", "s125_vision", true),
  deduction("deduction_hsa", "HSA", "hsa_pre", true),
  deduction("deduction_fsa_medical", "Medical FSA", "fsa_medical", true),
  deduction("deduction_fsa_dependent_care", "Dependent Care FSA", "fsa_dependent_care", true),
  deduction("deduction_commuter", "Commuter", "commuter", true),
  deduction("deduction_other_pre_tax", "Other Pre-Tax Deduction", "custom_pre_tax", true),
  deduction("deduction_other_post_tax", "Other Post-Tax Deduction", "custom_post_tax", false),
  contribution("contribution_401k", "401(k) Employer Match", "401k"),
  contribution("contribution_hsa", "HSA Employer Contribution", "hsa_pre"),
  contribution("contribution_medical", "Medical Employer Contribution", "s125_medical"),
  contribution("contribution_dental", "Dental Employer Contribution", "s125_dental"),
  contribution("contribution_vision", "Vision Employer Contribution", "s125_vision"),
] as const satisfies readonly PayLine[];

/** One of the line-item columns, its field typed. */
export type PayLineSpec = (typeof PAY_LINES)[number];
