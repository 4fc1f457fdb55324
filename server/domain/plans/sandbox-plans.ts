/**
 * Sandbox plans: from the deductions a sandbox connection was seeded with (one per premium line of its generated pay
 * statements), a medical / dental / vision plan each with a carrier and coverage tiers, one enrollment per person
 * whose contribution is exactly the premium their pay statements deduct, and dependents matching each coverage tier.
 */
import { createHash } from "node:crypto";
import type { BenefitRow } from "../../db/repositories/benefits.repository.js";
import { listActiveBenefits } from "../../db/repositories/benefits.repository.js";
import type { ConnectionRow } from "../../db/repositories/connections.repository.js";
import { findPlanPublication, listDeductionEnrollments } from "../../db/repositories/plans.repository.js";
import { lockConnectionForPublish } from "../../db/repositories/snapshots.repository.js";
import type { Deps } from "../deps.js";
import { PLAN_TYPE_OF_DEDUCTION } from "./present-plans.js";
import { type DependentInput, type EnrollmentInput, type PlanInput, publishPlans } from "./publish-plans.js";

/** Carrier and network of each sandbox plan type. */
const CARRIERS: Record<string, { id: string; name: string; network: string }> = {
  medical: { id: "bcbs", name: "Blue Cross Blue Shield", network: "ppo" },
  dental: { id: "delta_dental", name: "Delta Dental", network: "ppo" },
  vision: { id: "vsp", name: "VSP Vision Care", network: "other" },
};
const TIERS = ["employee_only", "employee_spouse", "employee_children", "employee_family"];
const SPOUSES = ["Jordan", "Alex", "Morgan", "Taylor", "Casey", "Riley", "Jamie", "Avery"];
const CHILDREN = ["Mia", "Noah", "Liam", "Emma", "Olivia", "Lucas", "Ava", "Leo", "Zoe", "Eli"];
const SURNAMES = ["Garcia", "Smith", "Nguyen", "Patel", "Kim", "Brown", "Lopez", "Walker"];

/** Deterministic bytes of a person: the same person always gets the same tier and dependents. */
const bytesOf = (s: string) => createHash("sha256").update(s).digest();

/** A coverage tier with the generator's medical weights (45 / 20 / 12 / 23 %). */
function tierOf(b: Buffer): string {
  const n = b[0]! % 100;
  return TIERS[n < 45 ? 0 : n < 65 ? 1 : n < 77 ? 2 : 3]!;
}

/** A valid-looking (issuable) SSN from bytes. */
const ssnOf = (b: Buffer, i: number) =>
  `${String(100 + (b.readUInt16BE(i) % 565)).padStart(3, "0")}-${String(10 + (b[i + 2]! % 89))}-${String(1000 + (b.readUInt16BE(i + 3) % 8999))}`;
/** A birth date `age` years before `year`. */
const dobOf = (b: Buffer, i: number, year: number, age: number) =>
  `${year - age}-${String(1 + (b[i]! % 12)).padStart(2, "0")}-${String(1 + (b[i + 1]! % 28)).padStart(2, "0")}`;

/** The dependents of a person under a tier. */
function dependentsOf(individualId: string, tier: string, year: number): DependentInput[] {
  const b = bytesOf(individualId);
  const surname = SURNAMES[b[1]! % SURNAMES.length]!;
  const out: DependentInput[] = [];
  const base = { middle_name: null, last_name: surname, individual_id: individualId };
  if (tier === "employee_spouse" || tier === "employee_family") {
    out.push({
      ...base,
      key: `${individualId}:spouse`,
      first_name: SPOUSES[b[2]! % SPOUSES.length]!,
      ssn: ssnOf(b, 3),
      date_of_birth: dobOf(b, 8, year, 28 + (b[10]! % 30)),
      gender: b[11]! % 2 ? "female" : "male",
      relationship: "spouse",
    });
  }
  if (tier === "employee_children" || tier === "employee_family") {
    const count = 1 + (b[12]! % 2);
    for (let c = 0; c < count; c++) {
      const i = 13 + c * 8;
      out.push({
        ...base,
        key: `${individualId}:child${c + 1}`,
        first_name: CHILDREN[b[i]! % CHILDREN.length]!,
        ssn: ssnOf(b, i + 1),
        date_of_birth: dobOf(b, i + 5, year, 1 + (b[i + 7]! % 17)),
        gender: b[i + 1]! % 2 ? "female" : "male",
        relationship: "child",
      });
    }
  }
  return out;
}

/** Plans input from a sandbox connection's seeded premium deductions. */
function sandboxPlansInput(benefits: BenefitRow[], enrollments: Awaited<ReturnType<typeof listDeductionEnrollments>>, year: number) {
  const start = `${year}-01-01`;
  const planBenefits = benefits.filter((b) => b.origin === "sandbox" && CARRIERS[PLAN_TYPE_OF_DEDUCTION[b.type ?? ""] ?? ""]);
  const plans: PlanInput[] = planBenefits.map((b) => {
    const type = PLAN_TYPE_OF_DEDUCTION[b.type!]!;
    const carrier = CARRIERS[type]!;
    return {
      key: b.id,
      benefitId: b.id,
      name: `${carrier.name} ${type[0]!.toUpperCase()}${type.slice(1)} ${carrier.network.toUpperCase()}`,
      type,
      description: `${b.description ?? type} coverage through ${carrier.name}`,
      network_type: carrier.network,
      carrier_id: carrier.id,
      carrier_name: carrier.name,
      start_date: start,
      end_date: `${year}-12-31`,
      coverage_tiers: TIERS,
      deduction_codes: [b.description ?? b.type!],
    };
  });
  const byBenefit = new Set(planBenefits.map((b) => b.id));
  const people = new Map<string, DependentInput[]>();
  const out: EnrollmentInput[] = [];
  for (const e of enrollments) {
    if (!byBenefit.has(e.benefitId)) continue;
    const tier = tierOf(bytesOf(e.individualId));
    if (!people.has(e.individualId)) people.set(e.individualId, dependentsOf(e.individualId, tier, year));
    const fixed =
      e.employeeDeduction?.type === "fixed" && typeof e.employeeDeduction.amount === "number" ? e.employeeDeduction.amount : null;
    out.push({
      key: `${e.benefitId}:${e.individualId}`,
      plan_key: e.benefitId,
      individual_id: e.individualId,
      coverage_tier: tier,
      coverage_start_date: start,
      coverage_end_date: null,
      contributions: { frequency: "per_pay_period", employee: fixed, employer: null },
      status: "active",
      dependent_keys: people.get(e.individualId)!.map((d) => d.key),
    });
  }
  return { plans, enrollments: out, dependents: [...people.values()].flat() };
}

/** Seed a sandbox connection's plans once, after its deductions were seeded (no-op when already published). */
export async function seedSandboxPlans(deps: Pick<Deps, "db" | "clock" | "cipher">, connection: ConnectionRow): Promise<void> {
  if (await findPlanPublication(deps.db, connection.id)) return;
  await deps.db.transaction(async (tx) => {
    await lockConnectionForPublish(tx, connection.id);
    if (await findPlanPublication(tx, connection.id)) return;
    const now = deps.clock.now();
    const input = sandboxPlansInput(
      await listActiveBenefits(tx, connection.id),
      await listDeductionEnrollments(tx, connection.id),
      now.getUTCFullYear(),
    );
    await publishPlans(tx, deps.cipher, connection.id, input, {
      source: "sandbox",
      fileName: null,
      retrievedAt: connection.lastSuccessfulSync ?? now,
      now,
      actor: "system",
    });
  });
}
