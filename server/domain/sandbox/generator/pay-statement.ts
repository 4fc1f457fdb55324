/**
 * One pay statement from a person's pay profile and a payroll run. Every amount is whole cents and every total is
 * the sum of the rounded lines, so net = gross − employee taxes − employee deductions holds exactly.
 */
import type { PayStatementInput } from "../../../../contracts/linnet/snapshot-input.js";
import { dayFromParts, partsOf } from "./calendar.js";
import type { PayProfile } from "./pay-profile.js";
import type { PayRun } from "./pay-schedule.js";
import type { Rng } from "./random.js";

type Earning = NonNullable<NonNullable<PayStatementInput["earnings"]>[number]>;
type Tax = NonNullable<NonNullable<PayStatementInput["taxes"]>[number]>;
type Deduction = NonNullable<NonNullable<PayStatementInput["employee_deductions"]>[number]>;
type Contribution = NonNullable<NonNullable<PayStatementInput["employer_contributions"]>[number]>;

/** Running sums for the payment a statement belongs to. */
export interface PaymentTotals {
  /** Sum of gross pay. */
  gross: number;
  /** Sum of net pay. */
  net: number;
  /** Sum of taxes withheld from employees. */
  employeeTaxes: number;
  /** Sum of taxes the employer pays. */
  employerTaxes: number;
}

const SOCIAL_SECURITY = 0.062;
const MEDICARE = 0.0145;
const OVERTIME = 1.5;
// Bonuses go to people who worked most of the year they reward.
const BONUS_MIN_DAYS = 90;

/** Hours to the half hour, as time clocks round them. */
const toHalfHour = (hours: number) => Math.round(hours * 2) / 2;

/** The pay level in effect at the end of the period. */
function rateAt(p: PayProfile, day: number): number {
  for (let i = p.steps.length - 1; i > 0; i--) if (p.steps[i]!.day <= day) return p.steps[i]!.amount;
  return p.steps[0]!.amount;
}

const earning = (type: Earning["type"], name: string, amount: number, hours: number | null): Earning => ({
  type,
  name,
  amount,
  currency: "usd",
  hours,
});
const tax = (type: Tax["type"], name: string, employer: boolean, amount: number): Tax => ({
  type,
  name,
  employer,
  amount,
  currency: "usd",
});

/** Earnings for the part of the period the person was employed (`share` of it). */
function earningsFor(p: PayProfile, run: PayRun, rng: Rng, periodsPerYear: number, share: number): Earning[] {
  const rate = rateAt(p, run.periodEnd);
  const scale = 26 / periodsPerYear;
  if (p.payType === "salaried") {
    const list = [earning("salary", "Regular Salary", Math.round((rate / periodsPerYear) * share), null)];
    if (p.commission && rng.chance(0.8))
      list.push(earning("commission", "Commission", Math.round((rate / periodsPerYear) * rng.real(0.05, 0.4)), null));
    const { year } = partsOf(run.payDay);
    if (run.bonusRun && p.bonusShare > 0 && p.startDay <= dayFromParts(year - 1, 12, 31) - BONUS_MIN_DAYS) {
      list.push(earning("bonus", "Annual Bonus", Math.round((rate * p.bonusShare * rng.real(0.8, 1.2)) / 100) * 100, null));
    }
    return list;
  }
  const h = p.hours;
  const usual = rng.chance(h.full) ? h.max : rng.real(h.min, h.max);
  const hours = Math.max(0.5, toHalfHour(usual * scale * share));
  if (p.payType === "contractor") return [earning("1099", "Contractor Payment", Math.round(hours * rate), hours)];
  const list = [earning("wage", "Regular Hourly", Math.round(hours * rate), hours)];
  if (share === 1 && rng.chance(h.overtime)) {
    const extra = toHalfHour(rng.real(1, 8) * scale);
    list.push(earning("overtime", "Overtime", Math.round(extra * rate * OVERTIME), extra));
  }
  return list;
}

/** Builds the statement and adds it to the payment's totals. */
export function buildStatement(p: PayProfile, run: PayRun, rng: Rng, periodsPerYear: number, totals: PaymentTotals): PayStatementInput {
  const from = Math.max(p.startDay, run.periodStart);
  const to = Math.min(p.endDay, run.periodEnd);
  const share = (to - from + 1) / (run.periodEnd - run.periodStart + 1);
  const earnings = earningsFor(p, run, rng, periodsPerYear, share);
  if (p.payType !== "contractor" && rng.chance(0.004)) earnings.push(earning("bonus", "Spot Bonus", rng.int(5, 40) * 5_000, null));

  let gross = 0;
  let hours: number | null = null;
  for (const e of earnings) {
    gross += e.amount ?? 0;
    if (e.hours !== null) hours = (hours ?? 0) + e.hours;
  }
  const taxes: Tax[] = [];
  const deductions: Deduction[] = [];
  const contributions: Contribution[] = [];
  let employeeTaxes = 0;
  let employerTaxes = 0;
  let deducted = 0;
  if (p.payType !== "contractor") {
    const retirement = Math.round(gross * p.retirementShare);
    if (retirement > 0) deductions.push({ name: "401(k)", amount: retirement, currency: "usd", pre_tax: true, type: "401k" });
    // Fixed premiums are skipped on a sliver of a period rather than driving net pay below zero.
    const premiums = p.medical + p.dental + p.vision;
    const withPremiums = premiums > 0 && gross - retirement >= 2 * premiums;
    if (withPremiums && p.medical > 0)
      deductions.push({ name: "Medical", amount: p.medical, currency: "usd", pre_tax: true, type: "s125_medical" });
    if (withPremiums && p.dental > 0)
      deductions.push({ name: "Dental", amount: p.dental, currency: "usd", pre_tax: true, type: "s125_dental" });
    if (withPremiums && p.vision > 0)
      deductions.push({ name: "Vision", amount: p.vision, currency: "usd", pre_tax: true, type: "s125_vision" });
    const section125 = withPremiums ? premiums : 0;
    deducted = retirement + section125;
    // 401(k) deferrals escape income tax but not FICA; section 125 premiums escape both.
    const incomeWages = gross - retirement - section125;
    const ficaWages = gross - section125;
    const socialSecurity = Math.round(ficaWages * SOCIAL_SECURITY);
    const medicare = Math.round(ficaWages * MEDICARE);
    taxes.push(tax("federal", "Federal Income Tax", false, Math.round(incomeWages * p.federalRate)));
    taxes.push(tax("fica", "Social Security", false, socialSecurity), tax("fica", "Medicare", false, medicare));
    if (p.stateTax) taxes.push(tax("state", p.stateTax.name, false, Math.round(incomeWages * p.stateTax.rate)));
    if (p.localTax) taxes.push(tax("local", p.localTax.name, false, Math.round(incomeWages * p.localTax.rate)));
    for (const t of taxes) employeeTaxes += t.amount ?? 0;
    taxes.push(tax("fica", "Social Security", true, socialSecurity), tax("fica", "Medicare", true, medicare));
    employerTaxes = socialSecurity + medicare;
    const match = Math.round(gross * p.matchShare);
    if (match > 0) contributions.push({ name: "401(k) Match", amount: match, currency: "usd", type: "401k" });
  }
  const net = gross - employeeTaxes - deducted;
  totals.gross += gross;
  totals.net += net;
  totals.employeeTaxes += employeeTaxes;
  totals.employerTaxes += employerTaxes;
  return {
    individual_source_id: p.sourceId,
    type: "regular_payroll",
    payment_method: p.method,
    total_hours: hours,
    gross_pay: { amount: gross, currency: "usd" },
    net_pay: { amount: net, currency: "usd" },
    earnings,
    taxes,
    employee_deductions: deductions,
    employer_contributions: contributions,
  };
}
