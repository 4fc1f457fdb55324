/** One payroll register row → one pay statement, with its earnings, taxes, deductions and employer contributions. */
import type { PayStatementInput } from "../../../contracts/linnet/snapshot-input.js";
import type { Mapping, PayFrequency, PaymentMethod, StatementType } from "./mapping.js";
import { PAY_LINES, type PayLineSpec } from "./pay-lines.js";
import type { RowReader } from "./row-reader.js";
import { DEFAULT_VALUE_MAPS, ValueLookup } from "./value-maps.js";

type Earnings = NonNullable<PayStatementInput["earnings"]>;
type Taxes = NonNullable<PayStatementInput["taxes"]>;
type Deductions = NonNullable<PayStatementInput["employee_deductions"]>;
type Contributions = NonNullable<PayStatementInput["employer_contributions"]>;

/** The coded-value lookups of a register mapping, built once per file. */
export interface PayLookups {
  /** Payment method. */
  method: ValueLookup<PaymentMethod>;
  /** Pay frequency. */
  frequency: ValueLookup<PayFrequency>;
  /** Statement type. */
  type: ValueLookup<StatementType>;
}

/** Lookups for a mapping: its own value maps over the built-in spellings. */
export function payLookups(mapping: Mapping): PayLookups {
  const maps = mapping.valueMaps ?? {};
  return {
    method: new ValueLookup(DEFAULT_VALUE_MAPS.payment_method, maps.payment_method),
    frequency: new ValueLookup(DEFAULT_VALUE_MAPS.pay_frequency, maps.pay_frequency),
    type: new ValueLookup(DEFAULT_VALUE_MAPS.statement_type, maps.statement_type),
  };
}

/** The line-item columns a file actually has (resolved once per file). */
export function presentLines(reader: RowReader): PayLineSpec[] {
  return PAY_LINES.filter((line) => reader.has(line.field));
}

/** The statement on the reader's current row; the caller has read the employee id. */
export function statementFromRow(r: RowReader, lines: readonly PayLineSpec[], l: PayLookups, sourceId: string): PayStatementInput {
  const hours = r.decimal("hours");
  const gross = r.cents("gross");
  const net = r.cents("net");
  if (gross === null && r.text("gross") === null) r.error("missing_value", "The gross pay is empty", "gross");
  if (net === null && r.text("net") === null) r.error("missing_value", "The net pay is empty", "net");
  const earnings: Earnings = [];
  const taxes: Taxes = [];
  const deductions: Deductions = [];
  const contributions: Contributions = [];
  const regular = hours !== null && hours > 0 ? "wage" : "salary";
  for (const line of lines) {
    const amount = r.cents(line.field);
    if (amount === null || amount === 0) continue;
    const name = r.header(line.field) ?? line.name;
    if (line.kind === "earning") earnings.push({ type: line.earning ?? regular, name, amount, currency: "usd", hours: null });
    else if (line.kind === "tax") taxes.push({ type: line.tax, name, employer: line.employer, amount, currency: "usd" });
    else if (line.kind === "deduction") deductions.push({ name, amount, currency: "usd", pre_tax: line.preTax, type: line.benefit });
    else contributions.push({ name, amount, currency: "usd", type: line.benefit });
  }
  const hasEarningColumns = lines.some((line) => line.kind === "earning");
  if (!hasEarningColumns && gross !== null)
    earnings.push({ type: regular, name: r.header("gross") ?? "Gross Pay", amount: gross, currency: "usd", hours });
  if (hasEarningColumns && gross !== null) {
    const sum = earnings.reduce((acc, e) => acc + (e?.amount ?? 0), 0);
    if (sum !== gross)
      r.warning("earnings_mismatch", `The earnings add up to ${dollars(sum)}, not the gross pay of ${dollars(gross)}`, "gross");
  }
  return {
    individual_source_id: sourceId,
    type: r.coded("statement_type", l.type) ?? "regular_payroll",
    payment_method: r.coded("payment_method", l.method),
    total_hours: hours,
    gross_pay: gross === null ? null : { amount: gross, currency: "usd" },
    net_pay: net === null ? null : { amount: net, currency: "usd" },
    earnings,
    taxes,
    employee_deductions: deductions,
    employer_contributions: contributions,
  };
}

/** Cents as `$1,234.56` (or `-$12.00`) for messages. */
export function dollars(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}
