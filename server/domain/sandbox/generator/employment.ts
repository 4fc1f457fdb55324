/** The employment record: job, status, dates, location and pay as Finch's `/employer/employment` describes them. */
import type { PersonInput } from "../../../../contracts/linnet/snapshot-input.js";
import { type Day, isoDate } from "./calendar.js";
import type { CompanyPlan } from "./company.js";
import type { Compensation } from "./compensation.js";
import type { PersonPlan } from "./roster.js";

type Employment = PersonInput["employment"];

/** A collective-bargaining unit covering the company's hourly operations staff, if it has one. */
export interface Union {
  /** Union code, e.g. `IBT`. */
  code: string;
  /** Local, e.g. `Local 705`. */
  local: string;
}

// Hourly staff in these departments are the ones US unions typically represent.
const UNIONISED_DEPARTMENTS = new Set(["Warehouse", "Logistics", "Facilities", "Operations"]);
// The IRS highly-compensated threshold is about $150k; key employees are officers above about $220k.
const HCE_CENTS = 15_000_000;
const KEY_EMPLOYEE_CENTS = 22_000_000;
const HOURS_PER_YEAR = 2080;

/** Builds one employment record. `classCoded` decides whether a workers' comp class code is on file. */
export function makeEmployment(
  p: PersonPlan,
  comp: Compensation,
  plan: CompanyPlan,
  managerSourceId: string | null,
  union: Union | null,
  classCoded: boolean,
  today: Day,
): Employment {
  const dept = plan.departments[p.department]!;
  const unit = comp.payType === "salaried" ? "yearly" : "hourly";
  const income = comp.steps.map((s) => ({ unit, amount: s.amount, currency: "usd", effective_date: isoDate(s.day) }) as const);
  const current = comp.steps[comp.steps.length - 1]!.amount;
  const annual = unit === "yearly" ? current : current * HOURS_PER_YEAR;
  const unionised =
    union !== null && comp.payType === "hourly" && p.kind !== "temp" && p.kind !== "intern" && UNIONISED_DEPARTMENTS.has(dept.name);
  const contractor = p.kind === "contractor";
  return {
    title: comp.title,
    department: { name: dept.name },
    employment: p.kind === "contractor" ? { type: "contractor", subtype: "individual_contractor" } : { type: "employee", subtype: p.kind },
    start_date: isoDate(p.startDay),
    end_date: p.endDay === null ? null : isoDate(p.endDay),
    latest_rehire_date: null,
    is_active: p.status !== "terminated" && p.startDay <= today,
    employment_status: p.status,
    // FLSA covers employees only; contractors have no status.
    flsa_status: contractor ? null : comp.payType === "salaried" ? "exempt" : "non_exempt",
    class_code: classCoded && !contractor ? dept.classCode : null,
    location: { ...plan.sites[p.site]!.location },
    income: { ...income[income.length - 1]! },
    income_history: income,
    custom_fields: null,
    union_code: unionised ? union.code : null,
    union_local: unionised ? union.local : null,
    highly_compensated_employee: !contractor && annual > HCE_CENTS,
    key_employee: p.role === "ceo" || (p.role === "head" && annual > KEY_EMPLOYEE_CENTS),
    manager_source_id: managerSourceId,
  };
}
