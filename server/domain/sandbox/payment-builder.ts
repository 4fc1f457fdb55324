import { randomUUID } from "node:crypto";
import type { PaymentInput, PayStatementInput } from "../../../contracts/linnet/snapshot-input.js";
import { findSourceIdOf } from "../../db/repositories/sandbox.repository.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";

/** A statement as `POST /sandbox/payment` accepts it (amounts as cents or Money objects). */
export interface SandboxStatementRequest {
  individual_id: string;
  type?: PayStatementInput["type"];
  payment_method?: PayStatementInput["payment_method"];
  total_hours?: number | null;
  gross_pay?: number | { amount: number | null } | null;
  net_pay?: number | { amount: number | null } | null;
  earnings?: PayStatementInput["earnings"];
  taxes?: PayStatementInput["taxes"];
  employee_deductions?: PayStatementInput["employee_deductions"];
  employer_contributions?: PayStatementInput["employer_contributions"];
}

const cents = (v: number | { amount: number | null } | null | undefined): number | null =>
  v == null ? null : typeof v === "number" ? v : v.amount;
const money = (amount: number | null) => (amount === null ? null : { amount, currency: "usd" });
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A default statement for an active employee: one period of their income, 22% taxes. */
function defaultStatement(sourceId: string, income: { unit: string | null; amount: number | null } | null | undefined): PayStatementInput {
  const rate = income?.amount ?? 0;
  const gross = income?.unit === "hourly" ? rate * 80 : Math.round(rate / 26);
  const tax = Math.round(gross * 0.22);
  return {
    individual_source_id: sourceId,
    type: "regular_payroll",
    payment_method: "direct_deposit",
    total_hours: 80,
    gross_pay: money(gross),
    net_pay: money(gross - tax),
    earnings: [{ type: income?.unit === "hourly" ? "wage" : "salary", name: "Regular", amount: gross, currency: "usd", hours: 80 }],
    taxes: [{ type: "federal", name: "Federal income tax", employer: false, amount: tax, currency: "usd" }],
    employee_deductions: [],
    employer_contributions: [],
  };
}

/** Build the payment `POST /sandbox/payment` asks for, resolving individual ids to the sandbox's source ids. */
export async function buildSandboxPayment(
  deps: Deps,
  ctx: TokenContext,
  body: { start_date?: string; end_date?: string; pay_statements?: SandboxStatementRequest[] },
): Promise<Result<PaymentInput>> {
  const end = body.end_date ?? isoDay(deps.clock.now());
  const start = body.start_date ?? isoDay(new Date(new Date(`${end}T00:00:00Z`).getTime() - 13 * 86_400_000));
  if (start > end) return fail("invalid_request", "start_date: must not be after end_date");
  const statements: PayStatementInput[] = [];
  if (body.pay_statements && body.pay_statements.length > 0) {
    for (const [i, s] of body.pay_statements.entries()) {
      // a non-UUID can name nobody: answer before it reaches a uuid column
      const sourceId = isUuid(s.individual_id)
        ? await findSourceIdOf(deps.db, ctx.connection.id, "individual", s.individual_id)
        : undefined;
      if (!sourceId) return fail("invalid_request", `pay_statements.${i}.individual_id: no individual "${s.individual_id}"`);
      const gross = cents(s.gross_pay) ?? 0;
      statements.push({
        individual_source_id: sourceId,
        type: s.type ?? "regular_payroll",
        payment_method: s.payment_method ?? "direct_deposit",
        total_hours: s.total_hours ?? null,
        gross_pay: money(gross),
        net_pay: money(cents(s.net_pay) ?? gross),
        earnings: s.earnings ?? [],
        taxes: s.taxes ?? [],
        employee_deductions: s.employee_deductions ?? [],
        employer_contributions: s.employer_contributions ?? [],
      });
    }
  } else if (ctx.connection.orgSnapshotId) {
    const { rows } = await deps.reader.kind(deps.db, ctx.connection.orgSnapshotId, "employment");
    for (const r of rows) {
      const e = JSON.parse(r.json) as {
        is_active: boolean | null;
        source_id: string;
        income?: { unit: string | null; amount: number | null } | null;
      };
      if (e.is_active) statements.push(defaultStatement(e.source_id, e.income));
    }
  }
  const sum = (pick: (s: PayStatementInput) => number | null | undefined) => statements.reduce((acc, s) => acc + (pick(s) ?? 0), 0);
  const employeeTaxes = sum((s) => s.taxes?.filter((t) => t && !t.employer).reduce((a, t) => a + (t?.amount ?? 0), 0));
  const employerTaxes = sum((s) => s.taxes?.filter((t) => t?.employer).reduce((a, t) => a + (t?.amount ?? 0), 0));
  const gross = sum((s) => s.gross_pay?.amount);
  return ok({
    source_id: `SBXPAY-${randomUUID()}`,
    pay_period: { start_date: start, end_date: end },
    pay_date: end,
    debit_date: end,
    company_debit: money(gross + employerTaxes),
    gross_pay: money(gross),
    net_pay: money(sum((s) => s.net_pay?.amount)),
    employer_taxes: money(employerTaxes),
    employee_taxes: money(employeeTaxes),
    pay_frequencies: ["bi_weekly"],
    pay_group_source_ids: [],
    pay_statements: statements,
  });
}
