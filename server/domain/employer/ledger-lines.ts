import type { PayStatement } from "../../../contracts/finch/employer.js";
import type { LedgerEntry, LedgerType } from "../../../contracts/finch/ledger-items.js";

/** Accounts of the synthesized ledger, served as `account_type` (the line's item name is `account_description`). */
const ACCOUNT = {
  wages: "Wage Expense",
  operating: "Operating Expense",
  taxExpense: "Payroll Tax Expense",
  taxPayable: "Tax Payable",
  benefitsExpense: "Employee Benefits Expense",
  benefitLiability: "Benefit Liability",
  cash: "Cash",
  clearing: "Payroll Clearing",
} as const;

type Earning = NonNullable<NonNullable<PayStatement["earnings"]>[number]>;
type Tax = NonNullable<NonNullable<PayStatement["taxes"]>[number]>;
type Deduction = NonNullable<NonNullable<PayStatement["employee_deductions"]>[number]>;

/** Earnings by pay statement earning type. */
function earningType(type: Earning["type"]): [LedgerType, string] {
  switch (type) {
    case "salary":
    case "wage":
      return ["regular_wages", ACCOUNT.wages];
    case "overtime":
    case "double_overtime":
      return ["overtime_wages", ACCOUNT.wages];
    case "bonus":
    case "commission":
    case "tips":
      return ["bonus_wages", ACCOUNT.wages];
    case "pto":
    case "sick":
      return ["paid_leave_wages", ACCOUNT.wages];
    case "severance":
      return ["severance_wages", ACCOUNT.wages];
    case "reimbursement":
      return ["expense_reimbursement", ACCOUNT.operating];
    case "1099":
      return ["contractor_payment", ACCOUNT.operating];
    default:
      return ["other_earnings", ACCOUNT.wages];
  }
}

/** Employer taxes by type and name (FUTA/SUTA are unemployment; SDI/FLI disability and leave). */
function employerTaxType(tax: Tax): LedgerType {
  if (tax.type === "fica") return "employer_tax_fica";
  if (/futa|suta|sui\b|unemploy/i.test(tax.name ?? "")) return "employer_tax_unemployment";
  if (/sdi|disab|fli|family leave|pfl/i.test(tax.name ?? "")) return "employer_tax_disability_leave";
  if (/workers.?comp/i.test(tax.name ?? "")) return "employer_tax_workers_comp";
  if (tax.type === "local") return "employer_tax_local";
  return "employer_tax_other";
}

/** Employee withholding by type. */
function employeeTaxType(tax: Tax): LedgerType {
  if (tax.type === "fica") return "employee_tax_fica";
  if (tax.type === "federal" || tax.type === "state" || tax.type === "local") return "employee_tax_income";
  return "employee_tax_other";
}

/** The expense and liability lines of an employer contribution, by benefit type. */
function contributionTypes(type: Deduction["type"]): [LedgerType, LedgerType] {
  const t = type ?? "";
  if (t.startsWith("401k")) return ["employer_contribution_retirement_401k", "benefit_liability_retirement_401k"];
  if (t.startsWith("403b")) return ["employer_contribution_retirement_403b", "benefit_liability_retirement_403b"];
  if (t.startsWith("457")) return ["employer_contribution_retirement_457", "benefit_liability_retirement_457"];
  if (/medical|hsa|fsa_medical/.test(t)) return ["employer_contribution_medical", "benefit_liability_medical"];
  if (t.includes("dental")) return ["employer_contribution_dental", "benefit_liability_dental"];
  if (t.includes("vision")) return ["employer_contribution_vision", "benefit_liability_vision"];
  if (/simple|sep/.test(t)) return ["employer_contribution_retirement", "benefit_liability"];
  return ["employer_contribution_other", "benefit_liability"];
}

/** Deductions: garnishments by name (child support, levies), else pre- or post-tax. */
function deductionType(d: Deduction): LedgerType {
  if (/garnish|child support|levy|wage order/i.test(d.name ?? "")) return "garnishment";
  return d.pre_tax ? "pretax_deduction" : "posttax_deduction";
}

const NET_PAY_ACCOUNT: Record<string, string> = {
  direct_deposit: "Net Pay — Direct Deposit",
  check: "Net Pay — Check",
  other: "Net Pay — Other",
};

/** Sums debits and credits per (type, account, description), keeping the order lines first appear in. */
export class LedgerBook {
  private readonly lines = new Map<string, LedgerEntry>();
  currency = "usd";

  /** Add an amount to one side of a line (null and zero amounts add nothing). */
  post(type: LedgerType, account: string, description: string | null, side: "debit" | "credit", amount: number | null | undefined): void {
    if (!amount) return;
    const key = `${type}\u0000${account}\u0000${description ?? ""}`;
    let line = this.lines.get(key);
    if (!line) {
      line = {
        type,
        account_type: account,
        account_description: description,
        debit: { amount: 0, currency: this.currency },
        credit: { amount: 0, currency: this.currency },
      };
      this.lines.set(key, line);
    }
    line[side].amount += amount;
  }

  /** Post every line of one pay statement: earnings, taxes, deductions, contributions and net pay. */
  postStatement(s: PayStatement): void {
    for (const e of s.earnings ?? []) {
      if (!e) continue;
      const [type, account] = earningType(e.type);
      this.post(type, account, e.name, "debit", e.amount);
    }
    for (const t of s.taxes ?? []) {
      if (!t) continue;
      if (t.employer) {
        this.post(employerTaxType(t), ACCOUNT.taxExpense, t.name, "debit", t.amount);
        this.post("tax_liability_accrual", ACCOUNT.taxPayable, t.name, "credit", t.amount);
      } else this.post(employeeTaxType(t), ACCOUNT.taxPayable, t.name, "credit", t.amount);
    }
    for (const d of s.employee_deductions ?? []) if (d) this.post(deductionType(d), ACCOUNT.benefitLiability, d.name, "credit", d.amount);
    for (const c of s.employer_contributions ?? []) {
      if (!c) continue;
      const [expense, liability] = contributionTypes(c.type);
      this.post(expense, ACCOUNT.benefitsExpense, c.name, "debit", c.amount);
      this.post(liability, ACCOUNT.benefitLiability, c.name, "credit", c.amount);
    }
    this.post(
      "cash_debit_net_pay",
      ACCOUNT.cash,
      NET_PAY_ACCOUNT[s.payment_method ?? "other"] ?? NET_PAY_ACCOUNT.other!,
      "credit",
      s.net_pay?.amount,
    );
  }

  /**
   * The lines, with an `adjustment` to the payroll clearing account when the statements themselves do not balance
   * (earnings ≠ withholding + deductions + net pay), so the ledger always balances and the gap stays visible.
   */
  entries(): LedgerEntry[] {
    const { debit, credit } = this.sums();
    if (debit > credit) this.post("adjustment", ACCOUNT.clearing, "Unbalanced pay statements", "credit", debit - credit);
    if (credit > debit) this.post("adjustment", ACCOUNT.clearing, "Unbalanced pay statements", "debit", credit - debit);
    return [...this.lines.values()];
  }

  /** Total debits and credits so far. */
  sums(): { debit: number; credit: number } {
    let debit = 0;
    let credit = 0;
    for (const l of this.lines.values()) {
      debit += l.debit.amount;
      credit += l.credit.amount;
    }
    return { debit, credit };
  }
}
