/**
 * Pay groups and the payment stream. Payments are produced one run at a time: a large company's two years of
 * statements do not fit comfortably in memory, and a consumer publishing them in batches never needs them all at once.
 */
import type { PaymentInput, PaySnapshotInput, PayStatementInput } from "../../../../contracts/linnet/snapshot-input.js";
import { isoDate } from "./calendar.js";
import type { PayType } from "./compensation.js";
import type { PayProfile } from "./pay-profile.js";
import type { PaySchedule } from "./pay-schedule.js";
import { buildStatement, type PaymentTotals } from "./pay-statement.js";
import { createRng } from "./random.js";

type PayGroups = PaySnapshotInput["pay_groups"];

const GROUPS = [
  { sourceId: "pg-salaried", name: "Salaried" },
  { sourceId: "pg-hourly", name: "Hourly" },
  { sourceId: "pg-contractors", name: "Contractors" },
] as const;
const GROUP_INDEX: Record<PayType, number> = { salaried: 0, hourly: 1, contractor: 2 };

/** Who is paid how, for pay-group membership. */
export interface PayGroupMember {
  /** The person's source id. */
  sourceId: string;
  /** Decides the group. */
  payType: PayType;
  /** Still employed (terminated people stay out of current membership). */
  current: boolean;
}

const FREQUENCY_LABEL = { bi_weekly: "bi-weekly", semi_monthly: "semi-monthly" } as const;

/**
 * One pay group per kind of pay that anyone ever had; members are the people still employed (`current`), so a group
 * whose members all left still exists for the payments that name it.
 */
export function planPayGroups(people: readonly PayGroupMember[], schedule: PaySchedule): PayGroups {
  const members = GROUPS.map(() => [] as string[]);
  const used = GROUPS.map(() => false);
  for (const p of people) {
    const group = GROUP_INDEX[p.payType];
    used[group] = true;
    if (p.current) members[group]!.push(p.sourceId);
  }
  return GROUPS.flatMap((g, i) =>
    used[i]
      ? [
          {
            source_id: g.sourceId,
            name: `${g.name} (${FREQUENCY_LABEL[schedule.frequency]})`,
            pay_frequencies: [schedule.frequency],
            individual_source_ids: members[i]!,
          },
        ]
      : [],
  );
}

/**
 * Yields each run's payment, oldest first; each run draws from its own random stream so runs are independent.
 * `profiles` is called once, when the first payment is requested.
 */
export function* streamPayments(seed: string, schedule: PaySchedule, getProfiles: () => readonly PayProfile[]): Generator<PaymentInput> {
  const profiles = getProfiles();
  for (const run of schedule.runs) {
    const rng = createRng(seed, `pay:${run.payDay}`);
    const totals: PaymentTotals = { gross: 0, net: 0, employeeTaxes: 0, employerTaxes: 0 };
    const statements: PayStatementInput[] = [];
    const groups = GROUPS.map(() => false);
    for (const p of profiles) {
      // Hired by the end of the period and not gone before it began.
      if (p.startDay > run.periodEnd || p.endDay < run.periodStart) continue;
      statements.push(buildStatement(p, run, rng, schedule.periodsPerYear, totals));
      groups[GROUP_INDEX[p.payType]] = true;
    }
    const payDate = isoDate(run.payDay);
    yield {
      source_id: `PAY-${payDate}`,
      pay_period: { start_date: isoDate(run.periodStart), end_date: isoDate(run.periodEnd) },
      pay_date: payDate,
      debit_date: isoDate(run.debitDay),
      company_debit: { amount: totals.gross + totals.employerTaxes, currency: "usd" },
      gross_pay: { amount: totals.gross, currency: "usd" },
      net_pay: { amount: totals.net, currency: "usd" },
      employer_taxes: { amount: totals.employerTaxes, currency: "usd" },
      employee_taxes: { amount: totals.employeeTaxes, currency: "usd" },
      pay_frequencies: [schedule.frequency],
      pay_group_source_ids: GROUPS.filter((_, i) => groups[i]).map((g) => g.sourceId),
      pay_statements: statements,
    };
  }
}
