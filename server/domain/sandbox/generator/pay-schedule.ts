/**
 * Pay dates. Biweekly payrolls fall on Fridays for two-week periods ending the Friday before (a week in arrears);
 * semimonthly ones on the 15th and the last day for the half-month just worked, moved to the Friday before when
 * they land on a weekend. Funds are debited one or two business days ahead.
 */
import {
  addMonths,
  businessDaysBefore,
  type Day,
  dayFromParts,
  isWeekend,
  lastDayOfMonth,
  onOrBeforeWeekday,
  partsOf,
} from "./calendar.js";
import type { Rng } from "./random.js";

/** Pay frequencies the generator uses. */
export type Frequency = "bi_weekly" | "semi_monthly";

/** One payroll run. */
export interface PayRun {
  /** First day of the pay period. */
  periodStart: Day;
  /** Last day of the pay period. */
  periodEnd: Day;
  /** When employees are paid. */
  payDay: Day;
  /** When the company's account is debited. */
  debitDay: Day;
  /** The first run in March pays last year's annual bonuses. */
  bonusRun: boolean;
}

/** A company's payroll calendar. */
export interface PaySchedule {
  /** How often people are paid. */
  frequency: Frequency;
  /** Runs per year: 26 or 24. */
  periodsPerYear: number;
  /** Runs oldest first. */
  runs: PayRun[];
}

const FRIDAY = 5;

/** Pay days after `cutoff` and on or before `today`, oldest first, with their periods. */
function biweekly(rng: Rng, today: Day, cutoff: Day): Omit<PayRun, "debitDay" | "bonusRun">[] {
  const runs: Omit<PayRun, "debitDay" | "bonusRun">[] = [];
  // Which Fridays are paydays depends on when the company started payroll: half the companies pay on the other week.
  for (let payDay = onOrBeforeWeekday(today, FRIDAY) - 7 * rng.int(0, 1); payDay > cutoff; payDay -= 14) {
    runs.push({ periodStart: payDay - 20, periodEnd: payDay - 7, payDay });
  }
  return runs.reverse();
}

function semimonthly(today: Day, cutoff: Day): Omit<PayRun, "debitDay" | "bonusRun">[] {
  const runs: Omit<PayRun, "debitDay" | "bonusRun">[] = [];
  const start = partsOf(cutoff);
  for (let m = 0; ; m++) {
    const first = dayFromParts(start.year, start.month + m, 1);
    if (first > today) break;
    const { year, month } = partsOf(first);
    const last = lastDayOfMonth(year, month);
    const halves: [Day, Day][] = [
      [first, first + 14],
      [first + 15, last],
    ];
    for (const [periodStart, periodEnd] of halves) {
      const payDay = isWeekend(periodEnd) ? onOrBeforeWeekday(periodEnd, FRIDAY) : periodEnd;
      if (payDay > cutoff && payDay <= today) runs.push({ periodStart, periodEnd, payDay });
    }
  }
  return runs;
}

/** The payroll calendar for `months` of history up to `today`, skipping periods that ended before `founding`. */
export function planSchedule(rng: Rng, today: Day, months: number, founding: Day): PaySchedule {
  const frequency: Frequency = rng.chance(0.6) ? "bi_weekly" : "semi_monthly";
  const leadDays = rng.int(1, 2);
  const cutoff = addMonths(today, -months);
  const base = frequency === "bi_weekly" ? biweekly(rng, today, cutoff) : semimonthly(today, cutoff);
  const gap = frequency === "bi_weekly" ? 14 : 16;
  const runs = base
    .filter((r) => r.periodEnd >= founding)
    .map((r) => ({
      ...r,
      debitDay: businessDaysBefore(r.payDay, leadDays),
      // The first March payday, whether or not the one before it is in the history window.
      bonusRun: partsOf(r.payDay).month === 3 && partsOf(r.payDay - gap).month !== 3,
    }));
  return { frequency, periodsPerYear: frequency === "bi_weekly" ? 26 : 24, runs };
}
