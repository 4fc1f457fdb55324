/**
 * Titles and pay: how a person is paid (salary, hourly wage, contractor rate), how much by department, seniority and
 * metro, the raises that led there, and bonus or commission eligibility.
 */
import { addMonths, ageOn, type Day } from "./calendar.js";
import type { CompanyPlan } from "./company.js";
import type { Rng } from "./random.js";
import type { PersonPlan } from "./roster.js";

/** How pay is computed on statements. */
export type PayType = "salaried" | "hourly" | "contractor";

/** One income level and the day it took effect. Amount in cents: yearly for salaried, hourly otherwise. */
export interface IncomeStep {
  /** Effective date. */
  day: Day;
  /** Cents per year (salaried) or per hour (hourly, contractor). */
  amount: number;
}

/** A person's title and pay. */
export interface Compensation {
  /** Job title. */
  title: string;
  /** Salaried, hourly or contractor. */
  payType: PayType;
  /** Pay levels, oldest first; the last is current. */
  steps: IncomeStep[];
  /** Target annual bonus as a share of salary (0 = none). */
  bonusShare: number;
  /** Paid commission each period. */
  commission: boolean;
}

const LEVEL_MULTIPLIER = [0.72, 1.0, 1.3, 1.6];
const MIN_SALARY = 4_500_000;
const MAX_SALARY = 35_000_000;
const MIN_HOURLY = 1_500;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
/** Salaries to the nearest $500, the way offer letters state them. */
const roundSalary = (dollars: number) => clamp(Math.round(dollars / 500) * 50_000, MIN_SALARY, MAX_SALARY);
/** Hourly rates to the nearest quarter. */
const roundRate = (dollars: number) => Math.round(dollars * 4) * 25;

function titleOf(rng: Rng, p: PersonPlan, plan: CompanyPlan, payType: PayType): string {
  const dept = plan.departments[p.department]!;
  if (p.role === "ceo") return "Chief Executive Officer";
  if (p.role === "head") return dept.head[plan.large ? 1 : 0];
  if (p.role === "manager") return plan.large && p.depth === 2 && p.department !== 0 ? `Senior ${dept.manager}` : dept.manager;
  if (p.kind === "intern") return `${dept.name} Intern`;
  if (payType === "contractor") return `${dept.ladder[p.level]} (Contract)`;
  if (payType === "hourly") return (p.kind === "temp" ? "Temporary " : "") + rng.pick(dept.hourlyTitles);
  return dept.ladder[p.level]!;
}

function payTypeOf(rng: Rng, p: PersonPlan, plan: CompanyPlan): PayType {
  if (p.role !== "member") return "salaried";
  if (p.kind === "contractor") return "contractor";
  if (p.kind !== "full_time") return "hourly";
  return p.level <= 1 && rng.chance(plan.departments[p.department]!.hourlyShare) ? "hourly" : "salaried";
}

/** Current pay in cents for the person's role, department and metro. */
function currentAmount(rng: Rng, p: PersonPlan, plan: CompanyPlan, payType: PayType, size: number): number {
  const dept = plan.departments[p.department]!;
  const cost = plan.sites[p.site]!.metro.cost;
  if (payType === "contractor") return roundRate(rng.real(35, 70) * (p.level === 2 ? 1.5 : 1) * cost);
  if (payType === "hourly") {
    const [low, high] = dept.hourlyRate;
    const mid = (low + high) / 2;
    const dollars =
      p.kind === "intern"
        ? dept.salary >= 120_000
          ? rng.real(30, 45)
          : rng.real(17, 25)
        : p.level === 0
          ? rng.real(low, mid)
          : rng.real(mid, high);
    return clamp(roundRate(dollars * cost), MIN_HOURLY, 4_500);
  }
  if (p.role === "ceo") return roundSalary((180_000 + 170_000 * Math.min(1, Math.log10(size + 1) / 4)) * rng.real(0.92, 1.05));
  const multiplier =
    p.role === "head"
      ? plan.large
        ? 1.8
        : 1.35
      : p.role === "manager"
        ? p.depth === 2 && plan.large
          ? 1.65
          : 1.45
        : LEVEL_MULTIPLIER[p.level]!;
  return roundSalary(dept.salary * multiplier * cost * rng.real(0.9, 1.1));
}

/** Up to three raises on work anniversaries before the person left (or today); none in the first year. */
function history(rng: Rng, p: PersonPlan, current: number, payType: PayType, today: Day): IncomeStep[] {
  const until = p.endDay ?? today;
  const years = ageOn(p.startDay, until); // whole years worked
  const raises = Math.min(years, rng.int(1, 3));
  const steps: IncomeStep[] = [];
  let amount = current;
  for (let k = years; k > years - raises; k--) {
    const share = rng.chance(0.15) ? rng.real(0.08, 0.15) : rng.real(0.02, 0.06); // sometimes a promotion
    const before = payType === "salaried" ? Math.round(amount / (1 + share) / 10_000) * 10_000 : Math.round(amount / (1 + share) / 25) * 25;
    if (before < (payType === "salaried" ? MIN_SALARY : MIN_HOURLY) || before >= amount) break;
    steps.push({ day: addMonths(p.startDay, 12 * k), amount });
    amount = before;
  }
  steps.push({ day: p.startDay, amount });
  return steps.reverse();
}

/** Title, pay type, pay history and incentives for one person. */
export function planCompensation(rng: Rng, p: PersonPlan, plan: CompanyPlan, size: number, today: Day): Compensation {
  const payType = payTypeOf(rng, p, plan);
  const title = titleOf(rng, p, plan, payType);
  const steps = history(rng, p, currentAmount(rng, p, plan, payType, size), payType, today);
  const commission = payType === "salaried" && p.role !== "head" && (plan.departments[p.department]!.commission ?? false);
  let bonusShare = 0;
  if (payType === "salaried" && !commission) {
    if (p.role === "ceo") bonusShare = rng.real(0.15, 0.3);
    else if (p.role === "head") bonusShare = rng.real(0.1, 0.2);
    else if (p.role === "manager") bonusShare = rng.real(0.05, 0.12);
    else if (rng.chance(p.level >= 2 ? 0.5 : 0.2)) bonusShare = rng.real(0.02, 0.08);
  }
  return { title, payType, steps, bonusShare, commission };
}
