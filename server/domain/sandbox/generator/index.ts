/** The sandbox company generator's public surface. */
export {
  companyIdentity,
  type GeneratedCompany,
  type GenerateOptions,
  generateCompany,
  MAX_EMPLOYEE_SIZE,
  MAX_PAY_HISTORY_MONTHS,
} from "./generate-company.js";
