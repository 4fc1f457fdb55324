import { describe, expect, it } from "vitest";
import {
  type PaymentInput,
  PaymentInputSchema,
  type PayStatementInput,
  type PersonInput,
} from "../../../../contracts/linnet/snapshot-input.js";
import { generateCompany } from "./index.js";

const asOf = new Date("2026-03-15T12:00:00Z");
const TODAY = "2026-03-15";
const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const sum = (values: readonly (number | null)[]) => values.reduce<number>((a, v) => a + (v ?? 0), 0);

/** Every exact invariant of one statement; returns what is wrong. */
function statementProblems(s: PayStatementInput, person: PersonInput): string[] {
  const problems: string[] = [];
  const fail = (what: string) => problems.push(`${s.individual_source_id}: ${what}`);
  const earnings = s.earnings!.map((e) => e!);
  const taxes = s.taxes!.map((t) => t!);
  const deductions = s.employee_deductions!.map((d) => d!);
  const contributions = s.employer_contributions!.map((c) => c!);
  const amounts = [
    s.gross_pay!.amount,
    s.net_pay!.amount,
    ...earnings.map((e) => e.amount),
    ...taxes.map((t) => t.amount),
    ...deductions.map((d) => d.amount),
    ...contributions.map((c) => c.amount),
  ];
  if (!amounts.every((a) => Number.isInteger(a) && a! >= 0)) fail("amounts must be non-negative integer cents");
  const currencies = [
    s.gross_pay!.currency,
    s.net_pay!.currency,
    ...earnings.map((e) => e.currency),
    ...taxes.map((t) => t.currency),
    ...deductions.map((d) => d.currency),
  ];
  if (!currencies.every((c) => c === "usd")) fail("currency must be usd");
  const gross = s.gross_pay!.amount!;
  if (gross !== sum(earnings.map((e) => e.amount))) fail("gross ≠ sum of earnings");
  const employeeTaxes = sum(taxes.filter((t) => !t.employer).map((t) => t.amount));
  if (s.net_pay!.amount !== gross - employeeTaxes - sum(deductions.map((d) => d.amount))) fail("net ≠ gross − employee taxes − deductions");
  const hours = earnings.filter((e) => e.hours !== null);
  if (s.total_hours !== (hours.length === 0 ? null : sum(hours.map((e) => e.hours)))) fail("total_hours ≠ sum of earning hours");
  if (person.employment.employment?.type === "contractor") {
    if (earnings.length !== 1 || earnings[0]!.type !== "1099") fail("contractor needs exactly one 1099 earning");
    if (taxes.length + deductions.length > 0) fail("contractor has taxes or deductions");
    return problems;
  }
  const section125 = sum(deductions.filter((d) => d.type?.startsWith("s125")).map((d) => d.amount));
  const fica = (name: string, employer: boolean) =>
    taxes.find((t) => t.type === "fica" && t.name === name && t.employer === employer)?.amount;
  if (fica("Social Security", false) !== Math.round((gross - section125) * 0.062)) fail("Social Security ≠ 6.2%");
  if (fica("Medicare", false) !== Math.round((gross - section125) * 0.0145)) fail("Medicare ≠ 1.45%");
  if (fica("Social Security", true) !== fica("Social Security", false) || fica("Medicare", true) !== fica("Medicare", false))
    fail("employer FICA ≠ employee FICA");
  const federal = taxes.find((t) => t.type === "federal")!.amount!;
  const incomeWages = gross - section125 - sum(deductions.filter((d) => d.type === "401k").map((d) => d.amount));
  if (incomeWages > 10_000 && (federal < incomeWages * 0.095 || federal > incomeWages * 0.225))
    fail(`federal rate ${federal / incomeWages}`);
  const deferral = deductions.find((d) => d.type === "401k")?.amount ?? 0;
  const match = contributions.find((c) => c.type === "401k")?.amount ?? 0;
  if (match > deferral || match > Math.round(gross * 0.04)) fail("401(k) match above the deferral or 4%");
  if (deferral > 0 && (deferral < Math.round(gross * 0.03) || deferral > Math.round(gross * 0.1))) fail("401(k) outside 3–10%");
  return problems;
}

/** Every exact invariant of a payment and its statements. */
function paymentProblems(p: PaymentInput, people: Map<string, PersonInput>): string[] {
  const problems = p.pay_statements.flatMap((s) => statementProblems(s, people.get(s.individual_source_id)!));
  const gross = sum(p.pay_statements.map((s) => s.gross_pay!.amount));
  const employeeTaxes = sum(p.pay_statements.flatMap((s) => s.taxes!.filter((t) => !t!.employer).map((t) => t!.amount)));
  const employerTaxes = sum(p.pay_statements.flatMap((s) => s.taxes!.filter((t) => t!.employer).map((t) => t!.amount)));
  if (p.gross_pay!.amount !== gross) problems.push(`${p.source_id}: gross`);
  if (p.net_pay!.amount !== sum(p.pay_statements.map((s) => s.net_pay!.amount))) problems.push(`${p.source_id}: net`);
  if (p.employee_taxes!.amount !== employeeTaxes) problems.push(`${p.source_id}: employee taxes`);
  if (p.employer_taxes!.amount !== employerTaxes) problems.push(`${p.source_id}: employer taxes`);
  if (p.company_debit!.amount !== gross + employerTaxes) problems.push(`${p.source_id}: company debit`);
  // Exactly the people employed at some point of the period get a statement.
  const start = p.pay_period!.start_date!;
  const end = p.pay_period!.end_date!;
  const expected = [...people.values()]
    .filter((x) => x.employment.start_date! <= end && (x.employment.end_date === null || x.employment.end_date >= start))
    .map((x) => x.source_id);
  if (JSON.stringify(p.pay_statements.map((s) => s.individual_source_id)) !== JSON.stringify(expected))
    problems.push(`${p.source_id}: wrong people`);
  return problems;
}

/** Seeds whose companies pay biweekly and semimonthly. */
function seedFor(frequency: "bi_weekly" | "semi_monthly"): string {
  for (let i = 0; ; i++)
    if (generateCompany({ seed: `pay-${i}`, employeeSize: 1, asOf }).payGroups[0]?.pay_frequencies[0] === frequency) return `pay-${i}`;
}

describe.each(["bi_weekly", "semi_monthly"] as const)("payments (%s)", (frequency) => {
  const company = generateCompany({ seed: seedFor(frequency), employeeSize: 50, asOf });
  const payments = [...company.payments()];
  const people = new Map(company.org.people.map((p) => [p.source_id, p]));

  it("every statement and payment satisfies the pay invariants and parses", () => {
    expect(payments.length).toBe(company.paymentCount);
    expect(payments.flatMap((p) => paymentProblems(p, people))).toEqual([]);
    for (const p of payments) PaymentInputSchema.parse(p);
    expect(payments.every((p) => p.pay_frequencies?.[0] === frequency)).toBe(true);
    const groups = new Set(company.payGroups.map((g) => g.source_id));
    expect(payments.every((p) => p.pay_group_source_ids.every((g) => groups.has(g)))).toBe(true);
  });

  it("pay dates are ordered, within the history window, and on business days with an earlier debit", () => {
    const dates = payments.map((p) => p.pay_date!);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.at(-1)! <= TODAY).toBe(true);
    expect(dates[0]! > "2024-03-15").toBe(true);
    expect(toDay(dates[0]!) - toDay("2024-03-15")).toBeLessThanOrEqual(16); // history starts right at the window
    expect(toDay(TODAY) - toDay(dates.at(-1)!)).toBeLessThanOrEqual(16);
    for (const p of payments) {
      const pay = p.pay_date!;
      const gap = toDay(pay) - toDay(p.debit_date!);
      expect(gap >= 1 && gap <= 4 && weekday(p.debit_date!) % 6 !== 0).toBe(true);
      expect(p.pay_period!.start_date! <= p.pay_period!.end_date!).toBe(true);
      if (frequency === "bi_weekly") {
        expect(weekday(pay)).toBe(5);
        expect(p.pay_period!.end_date! < pay).toBe(true); // paid in arrears
      } else {
        expect(weekday(pay) % 6).not.toBe(0);
        expect(toDay(p.pay_period!.end_date!) - toDay(pay)).toBeLessThanOrEqual(2); // the 15th/last day or the Friday before
      }
    }
    if (frequency === "bi_weekly") expect(dates.slice(1).every((d, i) => toDay(d) - toDay(dates[i]!) === 14)).toBe(true);
  });

  it("terminated people get no statements for periods after they left", () => {
    const leavers = company.org.people.filter((p) => p.employment.end_date !== null);
    expect(leavers.length).toBeGreaterThan(0);
    for (const p of payments) {
      for (const s of p.pay_statements) {
        const e = people.get(s.individual_source_id)!.employment;
        if (e.end_date !== null) expect(p.pay_period!.start_date! <= e.end_date).toBe(true);
        expect(p.pay_period!.end_date! >= e.start_date!).toBe(true);
      }
    }
  });
});

describe("payments at scale", () => {
  it("streams two years of a 10,000-person biweekly company one payment at a time", () => {
    // how long this takes is measured by `npm run bench:api` (its pay history column), not asserted here
    const seed = seedFor("bi_weekly");
    const company = generateCompany({ seed, employeeSize: 10_000, asOf, payHistoryMonths: 24 });
    const iterator = company.payments();
    const first = iterator.next();
    expect(first.done).toBe(false);
    let count = 1;
    let statements = (first.value as PaymentInput).pay_statements.length;
    for (const payment of iterator) {
      count++;
      statements += payment.pay_statements.length;
    }
    expect(count).toBe(company.paymentCount);
    expect(count).toBe(52);
    expect(statements).toBeGreaterThan(300_000);
  }, 60_000);
});
