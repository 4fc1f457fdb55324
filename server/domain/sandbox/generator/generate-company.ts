/**
 * The sandbox's synthetic company: a deterministic function from a seed to a realistic US employer, its people and
 * their pay history. Each part draws from its own labelled random stream, so asking for more pay history never
 * changes who works there.
 */

import type { DocumentInput } from "../../../../contracts/finch/documents.js";
import type { OrgSnapshotInput, PaymentInput, PaySnapshotInput, PersonInput } from "../../../../contracts/linnet/snapshot-input.js";
import { type Day, dayOf, isoDate } from "./calendar.js";
import { planCompany } from "./company.js";
import { type Compensation, planCompensation } from "./compensation.js";
import type { Place } from "./data/places.js";
import { makeEmployment } from "./employment.js";
import { makeIdentity, type Registry } from "./individual.js";
import { makePayProfile, type PayProfile } from "./pay-profile.js";
import { planSchedule } from "./pay-schedule.js";
import { planPayGroups, streamPayments } from "./payments.js";
import { createRng } from "./random.js";
import { type PersonPlan, planRoster } from "./roster.js";
import { makeW4s } from "./w4.js";

/** What to generate. */
export interface GenerateOptions {
  /** Same seed ⇒ byte-identical output. */
  seed: string;
  /** 1 to 50,000. */
  employeeSize: number;
  /** "Today": the last payroll is on or before this date; dates are YYYY-MM-DD (its UTC calendar day). */
  asOf: Date;
  /** Months of pay history (default 24). */
  payHistoryMonths?: number;
}

/** A generated company: org data at once, payments on demand. */
export interface GeneratedCompany {
  /** Company and people. */
  org: OrgSnapshotInput;
  /** Pay groups with their current members. */
  payGroups: PaySnapshotInput["pay_groups"];
  /** Payments oldest first, produced lazily: a 10,000-person company with two years of biweekly pay is ~520,000 statements, too many to hold at once. */
  payments(): Generator<PaymentInput>;
  /** The employees' W-4s, made when first asked for (from their own random stream). */
  documents(): DocumentInput[];
  /** Number of payments payments() will yield. */
  paymentCount: number;
}

/** Largest company the sandbox generates. */
export const MAX_EMPLOYEE_SIZE = 50_000;
/** Longest pay history, in months. */
export const MAX_PAY_HISTORY_MONTHS = 240;

/** Rejects options no caller should send; a bug, so it throws. */
function validate(opts: GenerateOptions): { today: Day; months: number } {
  if (!Number.isInteger(opts.employeeSize) || opts.employeeSize < 1 || opts.employeeSize > MAX_EMPLOYEE_SIZE) {
    throw new RangeError(`employeeSize must be an integer from 1 to ${MAX_EMPLOYEE_SIZE}, got ${opts.employeeSize}`);
  }
  if (!(opts.asOf instanceof Date) || Number.isNaN(opts.asOf.getTime())) throw new RangeError("asOf must be a valid Date");
  const months = opts.payHistoryMonths ?? 24;
  if (!Number.isInteger(months) || months < 0 || months > MAX_PAY_HISTORY_MONTHS) {
    throw new RangeError(`payHistoryMonths must be an integer from 0 to ${MAX_PAY_HISTORY_MONTHS}, got ${months}`);
  }
  return { today: dayOf(opts.asOf), months };
}

/** Generates a company, its people and its pay history from a seed. */
export function generateCompany(opts: GenerateOptions): GeneratedCompany {
  const { today, months } = validate(opts);
  const { seed, employeeSize: size } = opts;
  const companyRng = createRng(seed, "company");
  const plan = planCompany(companyRng, size);
  const founding = today - companyRng.int(3470, 3650); // 9½ to 10 years ago
  const union = size >= 50 && companyRng.chance(0.2) ? { code: "IBT", local: `Local ${companyRng.int(100, 999)}` } : null;
  const matchCap = companyRng.pick([0.03, 0.04, 0.04]);
  const schedule = planSchedule(createRng(seed, "schedule"), today, months, founding);

  const roster = planRoster(createRng(seed, "roster"), plan, size, founding, today);
  const sourceId = (index: number) => `E${String(index + 1).padStart(6, "0")}`;
  const peopleRng = createRng(seed, "people");
  const registry: Registry = { emails: new Set(), ssns: new Set() };
  const people: PersonInput[] = [];
  const payInputs: { person: PersonPlan; comp: Compensation; town: Place }[] = [];
  roster.forEach((p, i) => {
    const site = plan.sites[p.site]!;
    const { individual, town } = makeIdentity(peopleRng, p, site, plan.domain, today, registry);
    const comp = planCompensation(peopleRng, p, plan, size, today);
    const employment = makeEmployment(p, comp, plan, p.manager < 0 ? null : sourceId(p.manager), union, peopleRng.chance(0.25), today);
    people.push({ source_id: sourceId(i), individual, employment });
    payInputs.push({ person: p, comp, town });
  });

  // Pay parameters are worked out once, when payments are first asked for, from their own random stream: callers
  // that only want the org never pay for them, and the result is the same whenever they are made.
  let profiles: PayProfile[] | null = null;
  const payProfiles = (): PayProfile[] => {
    if (profiles) return profiles;
    const payRng = createRng(seed, "pay-profile");
    profiles = payInputs.map(({ person, comp, town }, i) =>
      makePayProfile(
        payRng,
        sourceId(i),
        person,
        comp,
        { state: plan.sites[person.site]!.metro.state, town },
        matchCap,
        schedule.periodsPerYear,
      ),
    );
    return profiles;
  };
  const members = payInputs.map(({ person, comp }, i) => ({
    sourceId: sourceId(i),
    payType: comp.payType,
    current: person.status !== "terminated",
  }));

  return {
    org: { company: plan.company, people },
    payGroups: planPayGroups(members, schedule),
    payments: () => streamPayments(seed, schedule, payProfiles),
    documents: () => makeW4s(createRng(seed, "documents"), people, isoDate(today)),
    paymentCount: schedule.runs.length,
  };
}

/** A generated company's legal name and EIN alone (what naming an entity needs), without generating its people. */
export function companyIdentity(seed: string, employeeSize: number): { legal_name: string; ein: string } {
  const { company } = planCompany(createRng(seed, "company"), employeeSize);
  return { legal_name: company.legal_name ?? "", ein: company.ein ?? "" };
}
