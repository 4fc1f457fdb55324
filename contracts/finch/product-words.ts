/**
 * Product scopes and their plain-words descriptions, free of zod so the web pages can import it
 * without pulling the validation library into their bundles.
 */

/** Every product scope a Connect session may request (Finch `ConnectProducts`). */
export const PRODUCTS = [
  "benefits",
  "company",
  "deduction",
  "directory",
  "documents",
  "employment",
  "individual",
  "payment",
  "pay_statement",
  "plans",
  "plans_dependents",
  "plans_enrollments",
  "recordkeeping",
  "ssn",
] as const;

/** A product scope. */
export type Product = (typeof PRODUCTS)[number];

/** Census ("org") products: data due within the org SLA. */
export const ORG_PRODUCTS: readonly Product[] = ["company", "directory", "individual", "employment", "ssn", "documents"];

/** Pay products: data due within the pay SLA. */
export const PAY_PRODUCTS: readonly Product[] = ["payment", "pay_statement"];

/** Plain-words description of each product, shown to employers on the consent screen. */
export const PRODUCT_DESCRIPTIONS: Record<Product, { label: string; description: string }> = {
  company: { label: "Company", description: "Legal name, EIN, addresses, departments and bank accounts" },
  directory: { label: "Directory", description: "A list of employees with their names, managers and departments" },
  individual: { label: "Individual", description: "Employees' personal details such as date of birth, contact details and address" },
  employment: { label: "Employment", description: "Job titles, start and end dates, employment type and income" },
  ssn: { label: "Social Security numbers", description: "Employees' Social Security numbers" },
  payment: { label: "Payroll runs", description: "Pay dates, pay periods and company totals of each payroll" },
  pay_statement: { label: "Pay statements", description: "Each employee's earnings, taxes, deductions and contributions per payroll" },
  benefits: { label: "Deductions", description: "Read and write benefit deductions and contributions" },
  deduction: { label: "Deductions", description: "Read and write benefit deductions and contributions" },
  documents: { label: "Documents", description: "Employee tax documents such as W-4 forms" },
  plans: { label: "Plans", description: "Benefit plans offered by the company" },
  plans_enrollments: { label: "Plan enrollments", description: "Which employees are enrolled in which plans" },
  plans_dependents: { label: "Plan dependents", description: "Dependents covered by employees' plans" },
  recordkeeping: { label: "Recordkeeping", description: "Retirement plan recordkeeper configuration" },
};
