import type { BenefitType } from "../../../contracts/finch/benefits.js";

/**
 * US limits on employee contributions for 2026, in cents. Data, not rules: change this file once a year.
 *
 * Where the figures come from:
 * - 401(k), 403(b), governmental 457(b) elective deferrals $24,500; age-50 catch-up $8,000; SIMPLE plans $17,000 with a
 *   $4,000 catch-up: IRS Notice 2025-67 (cost-of-living adjustments for 2026, IRC §402(g), §414(v), §408(p)).
 * - HSA: self-only coverage $4,400, family coverage $8,750: IRS Rev. Proc. 2025-19 (IRC §223).
 * - Health FSA salary reductions $3,400: IRS Rev. Proc. 2025-32 (IRC §125(i)).
 * - Dependent-care FSA $7,500 per household: IRC §129(a)(2) as amended by Public Law 119-21 (from 2026).
 * - Qualified transportation (commuter) $340 a month: IRS Rev. Proc. 2025-32 (IRC §132(f)).
 */
export const IRS_LIMITS_2026 = {
  electiveDeferral: 2_450_000,
  catchUp: 800_000,
  simpleDeferral: 1_700_000,
  simpleCatchUp: 400_000,
  hsaSelf: 440_000,
  hsaFamily: 875_000,
  healthFsa: 340_000,
  dependentCareFsa: 750_000,
  commuterMonthly: 34_000,
} as const;

/** Types that take 401(k)-style elective deferrals (catch-up allowed). */
export const RETIREMENT_TYPES: ReadonlySet<BenefitType> = new Set([
  "401k",
  "401k_roth",
  "403b",
  "403b_roth",
  "457",
  "457_roth",
  "simple",
  "simple_ira",
]);
/** HSA types (individual or family limit). */
export const HSA_TYPES: ReadonlySet<BenefitType> = new Set(["hsa_pre", "hsa_post"]);

/**
 * The most an employee may contribute to a benefit of this type in 2026 (cents a year), or null when the law sets no
 * limit (section 125 premiums, custom deductions, loans). Commuter benefits are limited per month (see {@link IRS_LIMITS_2026}).
 */
export function annualEmployeeLimit(type: BenefitType | null, opts: { catchUp: boolean; hsa: "individual" | "family" }): number | null {
  const L = IRS_LIMITS_2026;
  switch (type) {
    case "401k":
    case "401k_roth":
    case "403b":
    case "403b_roth":
    case "457":
    case "457_roth":
      return L.electiveDeferral + (opts.catchUp ? L.catchUp : 0);
    case "simple":
    case "simple_ira":
      return L.simpleDeferral + (opts.catchUp ? L.simpleCatchUp : 0);
    case "hsa_pre":
    case "hsa_post":
      return opts.hsa === "family" ? L.hsaFamily : L.hsaSelf;
    case "fsa_medical":
      return L.healthFsa;
    case "fsa_dependent_care":
      return L.dependentCareFsa;
    case "commuter":
      return L.commuterMonthly * 12;
    default:
      return null;
  }
}
