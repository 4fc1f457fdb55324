/** The built-in mapping templates: one per payroll system report, each with a fixture and a golden test. */
import type { MappingTemplate } from "../mapping.js";
import { ADP_WORKFORCE_NOW_CENSUS } from "./adp-workforce-now-census.js";
import { ADP_WORKFORCE_NOW_PAYROLL_REGISTER } from "./adp-workforce-now-payroll-register.js";
import { PAYCHEX_FLEX_CENSUS } from "./paychex-flex-census.js";
import { PAYLOCITY_CENSUS } from "./paylocity-census.js";

/** Every built-in template, censuses first. */
export const BUILTIN_TEMPLATES: readonly MappingTemplate[] = [
  ADP_WORKFORCE_NOW_CENSUS,
  PAYCHEX_FLEX_CENSUS,
  PAYLOCITY_CENSUS,
  ADP_WORKFORCE_NOW_PAYROLL_REGISTER,
];
