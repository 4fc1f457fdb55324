/**
 * The common layout of a benefits-enrollment export (as ADP Workforce Now's "Benefits Enrollment" custom report,
 * Paylocity's "Benefit Enrollment Census" and carriers' census files all lay it out): one row per employee and plan,
 * repeated once per covered dependent (dependent columns blank on an employee-only row). Amounts are dollars per
 * deduction period, dates MM/DD/YYYY or ISO.
 */

/** The fields of one row and the header each is read from (headers compare case- and punctuation-insensitively). */
export const ENROLLMENT_EXPORT_COLUMNS = {
  employee_id: ["Employee ID", "Associate ID", "Emp ID"],
  plan_type: ["Plan Type", "Benefit Type"],
  plan_name: ["Plan Name", "Plan"],
  carrier: ["Carrier", "Carrier Name"],
  network_type: ["Network Type", "Network"],
  deduction_code: ["Deduction Code", "Ded Code"],
  plan_start: ["Plan Start Date", "Plan Year Start"],
  plan_end: ["Plan End Date", "Plan Year End"],
  coverage_tier: ["Coverage Level", "Coverage Tier"],
  coverage_start: ["Coverage Start Date", "Coverage Effective Date"],
  coverage_end: ["Coverage End Date"],
  frequency: ["Deduction Frequency", "Frequency"],
  employee_amount: ["Employee Cost", "Employee Contribution"],
  employer_amount: ["Employer Cost", "Employer Contribution"],
  status: ["Enrollment Status", "Status"],
  dependent_first_name: ["Dependent First Name"],
  dependent_middle_name: ["Dependent Middle Name"],
  dependent_last_name: ["Dependent Last Name"],
  dependent_relationship: ["Relationship", "Dependent Relationship"],
  dependent_dob: ["Dependent Birth Date", "Dependent DOB"],
  dependent_ssn: ["Dependent SSN"],
  dependent_gender: ["Dependent Gender"],
} as const;

/** A field of the export. */
export type ExportField = keyof typeof ENROLLMENT_EXPORT_COLUMNS;
/** Fields every export must have. */
export const REQUIRED_EXPORT_FIELDS: readonly ExportField[] = [
  "employee_id",
  "plan_type",
  "plan_name",
  "coverage_tier",
  "coverage_start",
  "employee_amount",
];

/** Words exports use for plan types. */
export const PLAN_TYPE_WORDS: Readonly<Record<string, string>> = {
  medical: "medical",
  health: "medical",
  dental: "dental",
  vision: "vision",
  hsa: "hsa",
  fsa: "fsa",
  commuter: "commuter",
  transit: "commuter",
  life: "life_insurance",
  "life insurance": "life_insurance",
  "basic life": "life_insurance",
  std: "short_term_disability",
  "short term disability": "short_term_disability",
  ltd: "long_term_disability",
  "long term disability": "long_term_disability",
  other: "other",
};
/** Words exports use for coverage tiers. */
export const TIER_WORDS: Readonly<Record<string, string>> = {
  "employee only": "employee_only",
  ee: "employee_only",
  "employee + spouse": "employee_spouse",
  "ee + spouse": "employee_spouse",
  "employee + children": "employee_children",
  "ee + child(ren)": "employee_children",
  "employee + child(ren)": "employee_children",
  family: "employee_family",
  "employee + family": "employee_family",
};
/** Words exports use for relationships. */
export const RELATIONSHIP_WORDS: Readonly<Record<string, string>> = {
  spouse: "spouse",
  child: "child",
  son: "child",
  daughter: "child",
  "domestic partner": "domestic_partner",
  stepchild: "stepchild",
  "foster child": "foster_child",
  ward: "ward",
  "disabled dependent": "disabled_dependent",
  other: "other",
};
/** Words exports use for deduction frequencies. */
export const FREQUENCY_WORDS: Readonly<Record<string, string>> = {
  "per pay period": "per_pay_period",
  "every paycheck": "per_pay_period",
  weekly: "weekly",
  biweekly: "bi_weekly",
  "bi-weekly": "bi_weekly",
  "semi-monthly": "semi_monthly",
  semimonthly: "semi_monthly",
  monthly: "monthly",
  quarterly: "quarterly",
  annually: "annually",
  annual: "annually",
};
