import { z } from "zod";
import { BatchErrorSchema } from "./employer.js";

/** The spec's `LedgerEntry.type` values (the normalized classification of a general-ledger line). */
export const LEDGER_TYPES = [
  "regular_wages",
  "overtime_wages",
  "bonus_wages",
  "paid_leave_wages",
  "severance_wages",
  "equity_compensation",
  "other_earnings",
  "expense_reimbursement",
  "contractor_payment",
  "employer_donation",
  "employer_tax_fica",
  "employer_tax_unemployment",
  "employer_tax_disability_leave",
  "employer_tax_workers_comp",
  "employer_tax_local",
  "employer_tax_other",
  "employee_tax_income",
  "employee_tax_fica",
  "employee_tax_other",
  "employer_contribution_retirement",
  "employer_contribution_retirement_401k",
  "employer_contribution_retirement_403b",
  "employer_contribution_retirement_457",
  "employer_contribution_health",
  "employer_contribution_medical",
  "employer_contribution_dental",
  "employer_contribution_vision",
  "employer_contribution_other",
  "pretax_deduction",
  "posttax_deduction",
  "garnishment",
  "benefit_liability",
  "benefit_liability_retirement_401k",
  "benefit_liability_retirement_403b",
  "benefit_liability_retirement_457",
  "benefit_liability_medical",
  "benefit_liability_dental",
  "benefit_liability_vision",
  "tax_liability_accrual",
  "tax_receivable",
  "tax_credit_accrual",
  "employer_rd_tax_credit_offset",
  "cash_debit_net_pay",
  "cash_debit_tax_remittance",
  "cash_debit_other",
  "adjustment",
  "other",
] as const;
/** A ledger line's classification. */
export type LedgerType = (typeof LEDGER_TYPES)[number];

/** `LedgerMoney`: cents and currency. */
export const LedgerMoneySchema = z.object({ amount: z.number().int(), currency: z.string().nullable() }).meta({ id: "LedgerMoney" });

/** `LedgerEntry`: one account's debit and credit. */
export const LedgerEntrySchema = z
  .object({
    type: z.enum(LEDGER_TYPES),
    account_type: z.string().nullable(),
    account_description: z.string().nullable(),
    debit: LedgerMoneySchema,
    credit: LedgerMoneySchema,
  })
  .meta({ id: "LedgerEntry" });
/** A ledger line. */
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/** `LedgerTotals`. */
export const LedgerTotalsSchema = z
  .object({ debit: LedgerMoneySchema, credit: LedgerMoneySchema, balanced: z.boolean() })
  .meta({ id: "LedgerTotals" });

/** `LedgerItemsData`: one payment's ledger, its lines paginated. */
export const LedgerItemsDataSchema = z
  .object({
    source: z.enum(["direct", "synthesized"]),
    provider_description: z.string().nullable(),
    pay_date: z.string(),
    totals: LedgerTotalsSchema,
    paging: z.object({ count: z.number().int(), offset: z.number().int() }),
    ledger_items: z.array(LedgerEntrySchema),
  })
  .meta({ id: "LedgerItemsData" });
/** One payment's ledger. */
export type LedgerItemsData = z.infer<typeof LedgerItemsDataSchema>;

/** `POST /employer/ledger-items` request body. */
export const LedgerItemsRequestSchema = z.object({
  requests: z
    .array(
      z.object({ payment_id: z.string().min(1), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).optional() }),
    )
    .min(1),
});

/** `GetLedgerItemsResponse`. */
export const LedgerItemsResponseSchema = z
  .object({
    responses: z.array(
      z.object({ payment_id: z.string(), code: z.number().int(), body: z.union([LedgerItemsDataSchema, BatchErrorSchema]) }),
    ),
  })
  .meta({ id: "GetLedgerItemsResponse" });
