/**
 * Everything about a person that stays fixed from one payroll to the next, worked out once: tax rates, benefit
 * elections, hour patterns and incentives. Statements then only roll the few things that vary per period.
 */
import type { Day } from "./calendar.js";
import type { Compensation, IncomeStep, PayType } from "./compensation.js";
import { type Place, STATE_INCOME_TAX } from "./data/places.js";
import { type Rng, weightTable } from "./random.js";
import type { Kind, PersonPlan } from "./roster.js";

/** A named tax at a flat rate. */
export interface FlatTax {
  /** Name on the statement. */
  name: string;
  /** Share of taxable wages. */
  rate: number;
}

/** Per-person pay parameters. Amounts in cents; per-period amounts are for this company's pay frequency. */
export interface PayProfile {
  /** The person's source id. */
  sourceId: string;
  /** How gross pay is computed. */
  payType: PayType;
  /** First day employed. */
  startDay: Day;
  /** Last day employed (Infinity while employed). */
  endDay: Day;
  /** Pay levels, oldest first. */
  steps: readonly IncomeStep[];
  /** Usual hours in a biweekly period: chance of a full period, else a range; chance of overtime. */
  hours: { readonly full: number; readonly min: number; readonly max: number; readonly overtime: number };
  /** Federal income tax withholding rate. */
  federalRate: number;
  /** State income tax, if the state has one. */
  stateTax: FlatTax | null;
  /** City income tax, if the person lives in a city with one. */
  localTax: FlatTax | null;
  /** 401(k) deferral as a share of gross (0 = not enrolled). */
  retirementShare: number;
  /** Employer 401(k) match as a share of gross. */
  matchShare: number;
  /** Section 125 premiums per period. */
  medical: number;
  /** Dental premium per period. */
  dental: number;
  /** Vision premium per period. */
  vision: number;
  /** Target annual bonus share of salary. */
  bonusShare: number;
  /** Earns commission. */
  commission: boolean;
  /** Direct deposit for nearly everyone; a few still take paper checks. */
  method: "direct_deposit" | "check";
}

// Biweekly medical premiums in dollars by coverage tier.
const MEDICAL_TIERS = weightTable<readonly [number, number]>([
  [[40, 110], 45],
  [[120, 220], 20],
  [[110, 200], 12],
  [[190, 340], 23],
]);

// Biweekly hour patterns by kind: full-time hourly staff mostly log exactly 80 hours, sometimes with overtime.
const HOURS: Record<Kind, PayProfile["hours"]> = {
  full_time: { full: 0.7, min: 60, max: 80, overtime: 0.2 },
  part_time: { full: 0, min: 30, max: 56, overtime: 0 },
  intern: { full: 0.6, min: 60, max: 80, overtime: 0.1 },
  temp: { full: 0.5, min: 40, max: 80, overtime: 0.1 },
  contractor: { full: 0.2, min: 20, max: 80, overtime: 0 },
};

/** Roughly the effective federal withholding for single filers and married ones a little lower, kept to 10–22%. */
function federalRate(rng: Rng, annualCents: number): number {
  const position = Math.min(1, Math.max(0, (annualCents - 2_500_000) / 32_500_000));
  return Math.min(0.22, Math.max(0.1, 0.1 + 0.12 * position ** 0.8 + rng.real(-0.01, 0.01)));
}

/** Works out one person's fixed pay parameters. */
export function makePayProfile(
  rng: Rng,
  sourceId: string,
  p: PersonPlan,
  comp: Compensation,
  residence: { state: string; town: Place },
  matchCap: number,
  periodsPerYear: number,
): PayProfile {
  const current = comp.steps[comp.steps.length - 1]!.amount;
  const annual = comp.payType === "salaried" ? current : current * 2080 * (p.kind === "part_time" ? 0.5 : 1);
  const hours = HOURS[p.kind];
  const benefits = p.kind === "full_time" || p.kind === "part_time";
  const retirementShare = benefits && rng.chance(0.64) ? rng.int(3, 10) / 100 : 0;
  const scale = 26 / periodsPerYear;
  const premium = (low: number, high: number) => Math.round(rng.real(low, high) * scale * 100);
  const onMedical = benefits && rng.chance(p.kind === "full_time" ? 0.74 : 0.3);
  const [low, high] = rng.draw(MEDICAL_TIERS);
  const medical = onMedical ? premium(low, high) : 0;
  const dental = benefits && rng.chance(onMedical ? 0.7 : 0.1) ? premium(6, 30) : 0;
  const vision = dental > 0 && rng.chance(0.55) ? premium(2, 9) : 0;
  const state = STATE_INCOME_TAX[residence.state];
  const stateRate = state ? state.low + (state.high - state.low) * Math.min(1, annual / 25_000_000) : 0;
  return {
    sourceId,
    payType: comp.payType,
    startDay: p.startDay,
    endDay: p.endDay ?? Number.POSITIVE_INFINITY,
    steps: comp.steps,
    hours,
    federalRate: federalRate(rng, annual),
    stateTax: state ? { name: `${state.name} State Income Tax`, rate: stateRate } : null,
    localTax: residence.town.localTax ?? null,
    retirementShare,
    matchShare: Math.min(retirementShare, matchCap),
    medical,
    dental,
    vision,
    bonusShare: comp.bonusShare,
    commission: comp.commission,
    method: rng.chance(0.95) ? "direct_deposit" : "check",
  };
}
