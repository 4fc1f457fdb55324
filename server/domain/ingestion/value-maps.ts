/** Coded values: the common spellings payroll systems use for statuses, types and units, and lookups over them. */
import type {
  EmploymentClass,
  EmploymentStatus,
  FlsaStatus,
  Gender,
  IncomeUnit,
  PayFrequency,
  PaymentMethod,
  StatementType,
  ValueMaps,
} from "./mapping.js";

const PUNCTUATION = /[\s\-_./()]+/g;

/** The comparison key of a coded value: `"Full-Time"`, `"full time"` and `"FULL_TIME"` are all `fulltime`. */
export function valueKey(raw: string): string {
  return raw.toLowerCase().replace(PUNCTUATION, "");
}

/** Keys sharing one value. */
function each<V>(value: V, ...keys: string[]): Record<string, V> {
  return Object.fromEntries(keys.map((k) => [k, value]));
}

const employee = (subtype: EmploymentClass["subtype"]): EmploymentClass => ({ type: "employee", subtype });

/** Built-in spellings per coded field (keys already in `valueKey` form). */
export const DEFAULT_VALUE_MAPS: Required<ValueMaps> = {
  employment_type: {
    ...each(employee("full_time"), "fulltime", "ft", "f", "full", "regularfulltime", "rft"),
    ...each(employee("part_time"), "parttime", "pt", "p", "part", "regularparttime", "rpt"),
    ...each(employee("temp"), "temporary", "temp", "tmp", "temporaryfulltime", "tft", "temporaryparttime", "tpt"),
    ...each(employee("seasonal"), "seasonal", "sea"),
    ...each(employee("intern"), "intern", "internship"),
    ...each(employee(null), "employee", "w2", "regular"),
    ...each<EmploymentClass>(
      { type: "contractor", subtype: "individual_contractor" },
      "contractor",
      "independentcontractor",
      "1099",
      "1099contractor",
      "consultant",
    ),
  },
  employment_status: {
    ...each<EmploymentStatus>("active", "active", "a", "activeemployee", "working"),
    ...each<EmploymentStatus>("terminated", "terminated", "t", "term", "inactive", "separated"),
    ...each<EmploymentStatus>("leave", "leave", "l", "loa", "leaveofabsence", "onleave", "leavewithpay", "leavewithoutpay"),
    ...each<EmploymentStatus>("retired", "retired", "r"),
    ...each<EmploymentStatus>("deceased", "deceased", "d"),
    ...each<EmploymentStatus>("onboarding", "onboarding", "pending", "newhire"),
    ...each<EmploymentStatus>("prehire", "prehire"),
  },
  pay_frequency: {
    ...each<PayFrequency>("weekly", "weekly", "w", "wk", "52"),
    ...each<PayFrequency>("bi_weekly", "biweekly", "b", "bw", "every2weeks", "everyotherweek", "26"),
    ...each<PayFrequency>("semi_monthly", "semimonthly", "s", "sm", "twiceamonth", "24"),
    ...each<PayFrequency>("monthly", "monthly", "m", "mo", "12"),
    ...each<PayFrequency>("quarterly", "quarterly", "q", "4"),
    ...each<PayFrequency>("semi_annually", "semiannually", "semiannual", "2"),
    ...each<PayFrequency>("annually", "annually", "annual", "yearly", "a", "1"),
    ...each<PayFrequency>("daily", "daily", "d"),
    ...each<PayFrequency>("other", "other"),
  },
  flsa_status: {
    ...each<FlsaStatus>("exempt", "exempt", "e", "ex", "salariedexempt"),
    ...each<FlsaStatus>("non_exempt", "nonexempt", "n", "ne", "salariednonexempt", "hourlynonexempt"),
    ...each<FlsaStatus>("unknown", "unknown"),
  },
  gender: {
    ...each<Gender>("male", "male", "m", "man"),
    ...each<Gender>("female", "female", "f", "woman"),
    ...each<Gender>("other", "other", "x", "o", "nonbinary"),
    ...each<Gender>("decline_to_specify", "declinetospecify", "decline", "notspecified", "prefernottosay", "u", "unknown", "ns"),
  },
  pay_unit: {
    ...each<IncomeUnit>("hourly", "hourly", "hour", "h", "hr", "perhour"),
    ...each<IncomeUnit>("yearly", "yearly", "year", "y", "annual", "annually", "a", "salary", "salaried", "s", "peryear"),
    ...each<IncomeUnit>("monthly", "monthly", "month", "m"),
    ...each<IncomeUnit>("semi_monthly", "semimonthly"),
    ...each<IncomeUnit>("bi_weekly", "biweekly"),
    ...each<IncomeUnit>("weekly", "weekly", "week", "w"),
    ...each<IncomeUnit>("quarterly", "quarterly"),
    ...each<IncomeUnit>("daily", "daily", "day", "d"),
    ...each<IncomeUnit>("fixed", "fixed", "flat", "perperiod"),
  },
  payment_method: {
    ...each<PaymentMethod>("direct_deposit", "directdeposit", "dd", "direct", "ach", "deposit", "voucher", "eft"),
    ...each<PaymentMethod>("check", "check", "chk", "cheque", "manualcheck", "livecheck", "papercheck"),
    ...each<PaymentMethod>("other", "other", "cash", "paycard", "paycheck"),
  },
  statement_type: {
    ...each<StatementType>("regular_payroll", "regular", "regularpayroll", "scheduled", "r"),
    ...each<StatementType>("off_cycle_payroll", "offcycle", "offcyclepayroll", "special", "adjustment", "manual", "bonus"),
    ...each<StatementType>("one_time_payment", "onetime", "onetimepayment"),
  },
};

/** Looks coded values up in a mapping's own table, then in the built-in one; remembers each raw value's answer. */
export class ValueLookup<V> {
  private readonly table = new Map<string, V>();
  private readonly cache = new Map<string, V | null>();

  constructor(defaults: Record<string, V>, overrides: Record<string, V> | undefined) {
    for (const [k, v] of Object.entries(defaults)) this.table.set(valueKey(k), v);
    for (const [k, v] of Object.entries(overrides ?? {})) this.table.set(valueKey(k), v);
  }

  /** The normalized value, or null when the spelling is unknown. */
  get(raw: string): V | null {
    const cached = this.cache.get(raw);
    if (cached !== undefined) return cached;
    const value = this.table.get(valueKey(raw)) ?? null;
    this.cache.set(raw, value);
    return value;
  }
}
