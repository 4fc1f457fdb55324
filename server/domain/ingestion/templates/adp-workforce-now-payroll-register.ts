/**
 * ADP Workforce Now: the payroll register (one row per pay statement) from Reports & Analytics, exported to CSV.
 * Payroll Number tells runs on the same pay date apart; the company code is the pay group. Dates are MM/DD/YYYY.
 */
import type { MappingTemplate } from "../mapping.js";

/** ADP Workforce Now payroll register. */
export const ADP_WORKFORCE_NOW_PAYROLL_REGISTER: MappingTemplate = {
  provider_id: "adp_workforce_now",
  group: "pay",
  name: "ADP Workforce Now — payroll register",
  mapping: {
    group: "pay",
    dateFormat: "MM/DD/YYYY",
    amountsIn: "dollars",
    valueMaps: { payment_method: { Voucher: "direct_deposit", Check: "check" } },
    columns: {
      source_id: "Associate ID",
      pay_group: "Company Code",
      payroll_id: "Payroll Number",
      check_number: "Check/Voucher Number",
      pay_date: "Pay Date",
      period_start: "Period Beginning Date",
      period_end: "Period Ending Date",
      payment_method: "Check/Voucher",
      hours: "Total Hours",
      earnings_regular: "Regular Earnings",
      earnings_overtime: "Overtime Earnings",
      earnings_bonus: "Bonus Earnings",
      gross: "Gross Pay",
      tax_federal: "Federal Income Tax",
      tax_social_security: "Social Security - EE",
      tax_medicare: "Medicare - EE",
      tax_state: "State Income Tax",
      tax_state_disability: "State Disability - EE",
      tax_local: "Local Income Tax",
      employer_tax_social_security: "Social Security - ER",
      employer_tax_medicare: "Medicare - ER",
      employer_tax_futa: "FUTA - ER",
      employer_tax_suta: "SUI - ER",
      deduction_401k: "401(k)",
      deduction_401k_roth: "Roth 401(k)",
      deduction_medical: "Medical",
      deduction_dental: "Dental",
      deduction_vision: "Vision",
      deduction_hsa: "HSA",
      contribution_401k: "401(k) Match - ER",
      net: "Net Pay",
    },
  },
};
