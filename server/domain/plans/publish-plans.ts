/** Store a connection's benefit plans, enrollments and dependents as a whole (from an export or the sandbox). */
import type { DependentCoverage, PlanType } from "../../../contracts/finch/plans.js";
import type { Db } from "../../db/client.js";
import { insertActivity } from "../../db/repositories/activity.repository.js";
import type { PlanDependentRow, PlanEnrollmentRow, PlanRow } from "../../db/repositories/plans.repository.js";
import { replacePlans } from "../../db/repositories/plans.repository.js";
import type { Cipher } from "../security/encryption.js";
import { StableIds } from "../snapshots/stable-ids.js";
import { dependentAad } from "./present-plans.js";

/** One plan; `key` identifies it across publishes (its id stays the same). */
export interface PlanInput {
  key: string;
  /** The deduction this plan is paid through, when known. */
  benefitId?: string | null;
  name: string;
  type: PlanType | null;
  description: string | null;
  network_type: string | null;
  carrier_id: string | null;
  carrier_name: string | null;
  start_date: string;
  end_date: string | null;
  coverage_tiers: string[] | null;
  deduction_codes: string[] | null;
}

/** One enrollment of an individual (by Linnet id) in a plan (by key). */
export interface EnrollmentInput {
  key: string;
  plan_key: string;
  individual_id: string;
  coverage_tier: string | null;
  coverage_start_date: string | null;
  coverage_end_date: string | null;
  /** Cents per `frequency`. */
  contributions: { frequency: string; employee: number | null; employer: number | null } | null;
  status: string | null;
  /** Keys of the dependents this enrollment covers. */
  dependent_keys: string[];
}

/** One dependent, covered through one individual. */
export interface DependentInput {
  key: string;
  first_name: string;
  last_name: string;
  middle_name: string | null;
  ssn: string | null;
  date_of_birth: string | null;
  gender: string | null;
  individual_id: string;
  relationship: DependentCoverage["relationship_to_individual"];
}

/** What one publish stores. */
export interface PlansInput {
  plans: PlanInput[];
  enrollments: EnrollmentInput[];
  dependents: DependentInput[];
}

/** Where a publish came from. */
export interface PublishMeta {
  source: "sandbox" | "upload";
  fileName: string | null;
  retrievedAt: Date;
  now: Date;
  /** `user:<id>` or `system`. */
  actor: string;
}

const money = (amount: number | null) => (amount === null ? null : { amount, currency: "usd" });

/** Replace the connection's plans with `input` inside `tx`, minting stable ids, sealing dependents' SSN and birth date. */
export async function publishPlans(
  tx: Db,
  cipher: Cipher,
  connectionId: string,
  input: PlansInput,
  meta: PublishMeta,
): Promise<{ plans: number; enrollments: number; dependents: number }> {
  const planIds = await StableIds.load(tx, connectionId, "plan");
  const enrollmentIds = await StableIds.load(tx, connectionId, "plan_enrollment");
  const dependentIds = await StableIds.load(tx, connectionId, "plan_dependent");
  const typeOfPlan = new Map(input.plans.map((p) => [p.key, p.type]));
  const plans: PlanRow[] = input.plans.map((p, position) => ({
    id: planIds.idOf(p.key),
    connectionId,
    benefitId: p.benefitId ?? null,
    position,
    name: p.name,
    type: p.type,
    description: p.description,
    networkType: p.network_type,
    carrierId: p.carrier_id,
    carrierName: p.carrier_name,
    startDate: p.start_date,
    endDate: p.end_date,
    coverageTiers: p.coverage_tiers,
    deductionCodes: p.deduction_codes,
  }));
  const enrollments: PlanEnrollmentRow[] = input.enrollments.map((e, position) => ({
    id: enrollmentIds.idOf(e.key),
    connectionId,
    planId: planIds.idOf(e.plan_key),
    individualId: e.individual_id,
    position,
    coverageTier: e.coverage_tier,
    coverageStartDate: e.coverage_start_date,
    coverageEndDate: e.coverage_end_date,
    contributions: e.contributions && {
      frequency: e.contributions.frequency,
      employee_contribution: money(e.contributions.employee),
      employer_contribution: money(e.contributions.employer),
    },
    dependentIds: e.dependent_keys.map((k) => dependentIds.idOf(k)),
    status: e.status,
  }));
  const dependents: PlanDependentRow[] = input.dependents.map((d, position) => {
    const id = dependentIds.idOf(d.key);
    const covering = input.enrollments.filter((e) => e.individual_id === d.individual_id && e.dependent_keys.includes(d.key));
    const coverage: DependentCoverage = {
      individual_id: d.individual_id,
      relationship_to_individual: d.relationship,
      enrollments: covering.map((e) => ({ id: enrollmentIds.idOf(e.key), type: typeOfPlan.get(e.plan_key) ?? null })),
    };
    const secret =
      d.ssn || d.date_of_birth
        ? cipher.encrypt(JSON.stringify({ ssn: d.ssn, date_of_birth: d.date_of_birth }), dependentAad(connectionId, id))
        : null;
    return {
      id,
      connectionId,
      position,
      firstName: d.first_name,
      lastName: d.last_name,
      middleName: d.middle_name,
      gender: d.gender,
      sealed: secret,
      coverage: [coverage],
    };
  });
  await planIds.flush(tx);
  await enrollmentIds.flush(tx);
  await dependentIds.flush(tx);
  await replacePlans(tx, connectionId, {
    plans,
    enrollments,
    dependents,
    publication: { connectionId, source: meta.source, fileName: meta.fileName, retrievedAt: meta.retrievedAt, publishedAt: meta.now },
  });
  const counts = { plans: plans.length, enrollments: enrollments.length, dependents: dependents.length };
  const from = meta.source === "upload" ? `"${meta.fileName}"` : "the sandbox generator";
  await insertActivity(tx, {
    connectionId,
    actor: meta.actor,
    kind: "plans_published",
    fromStatus: null,
    toStatus: null,
    message: `Published ${counts.plans} benefit plans, ${counts.enrollments} enrollments and ${counts.dependents} dependents from ${from}`,
    at: meta.now,
  });
  return counts;
}
