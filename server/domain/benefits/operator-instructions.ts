import type { BenefitFrequency, BenefitType, CompanyMatch } from "../../../contracts/finch/benefits.js";
import type { Db } from "../../db/client.js";
import { recordsByIds } from "../../db/repositories/snapshots.repository.js";
import { featuresOf } from "./benefit-features.js";
import type { EnrollmentInput } from "./benefit-rules.js";

/**
 * What an operator must enter in the employer's payroll system for a deduction write, in words and exact figures
 * (a manual job's `request`, rendered by the operations console as lists and tables).
 */

const dollars = (cents: number) => `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const percent = (bp: number) => `${(bp / 100).toFixed(2)}%`;

/** An amount as the operator types it. */
function amountText(
  c: { type: string; amount?: number; tiers?: { match: number; threshold: number }[] } | null | undefined,
  per: string,
): string | null {
  if (!c) return null;
  if (c.type === "percent") return `${percent(c.amount ?? 0)} of gross pay`;
  if (c.type === "fixed") return `${dollars(c.amount ?? 0)} ${per}`;
  return (c.tiers ?? []).map((t) => `${percent(t.match)} match on the first ${percent(t.threshold)} of pay`).join(", then ");
}

/** The benefit as the operator finds it in the provider. */
export interface BenefitFacts {
  benefit_id: string;
  type: BenefitType | null;
  description: string | null;
  frequency: BenefitFrequency | null;
  company_contribution?: CompanyMatch | null;
}

/** The benefit in words. */
export function benefitWords(b: BenefitFacts): Record<string, unknown> {
  return {
    name: b.description ?? "(no name given)",
    type: `${featuresOf(b.type).description}${b.type ? ` (${b.type})` : ""}`,
    frequency: b.frequency?.replace("_", " ") ?? "as the provider defaults",
    ...(b.company_contribution ? { company_match: amountText(b.company_contribution, "") } : {}),
    benefit_id: b.benefit_id,
  };
}

/** Names of individuals from the organization snapshot ("First Last"). */
export async function individualNames(db: Db, orgSnapshotId: string, ids: string[]): Promise<Map<string, string>> {
  const rows = await recordsByIds(db, orgSnapshotId, "directory", ids);
  return new Map(
    rows.map((r) => {
      const d = JSON.parse(r.json) as { first_name?: string | null; last_name?: string | null };
      return [r.id ?? "", [d.first_name, d.last_name].filter(Boolean).join(" ") || "(no name)"];
    }),
  );
}

/** Instructions for creating (or registering) a benefit. */
export function createInstructions(b: BenefitFacts, register: boolean, provider: string): Record<string, unknown> {
  return {
    action: register
      ? `Find the existing deduction “${b.description ?? b.type}” in ${provider} and confirm it matches below (it is being registered with Linnet; change nothing)`
      : `Create the deduction “${b.description ?? b.type}” in ${provider} exactly as below`,
    benefit: benefitWords(b),
  };
}

/** Instructions for renaming a benefit. */
export function updateInstructions(b: BenefitFacts, description: string | undefined, provider: string): Record<string, unknown> {
  return {
    action: `Rename the deduction “${b.description ?? b.type}” in ${provider} to “${description ?? b.description}”`,
    benefit: benefitWords(b),
    new_name: description ?? b.description,
  };
}

/** Instructions for enrolling people (each row: who, and exactly what to enter). */
export function enrollInstructions(
  b: BenefitFacts,
  items: EnrollmentInput[],
  names: Map<string, string>,
  provider: string,
): Record<string, unknown> {
  const per = b.frequency === "monthly" ? "per month" : b.frequency === "one_time" ? "once" : "per paycheck";
  return {
    action: `Enroll ${items.length} ${items.length === 1 ? "person" : "people"} in “${b.description ?? b.type}” in ${provider} (an existing enrollment is replaced as a whole)`,
    benefit: benefitWords(b),
    individuals: items.map(({ individual_id, configuration: c }) => ({
      individual_id,
      name: names.get(individual_id) ?? "(unknown)",
      employee_deduction: amountText(c.employee_deduction, per) ?? "none",
      company_contribution: amountText(c.company_contribution, per) ?? "none",
      annual_maximum: c.annual_maximum === undefined || c.annual_maximum === null ? "none" : dollars(c.annual_maximum),
      catch_up: c.catch_up ?? false,
      ...(c.annual_contribution_limit ? { hsa_coverage: c.annual_contribution_limit } : {}),
      effective_date: c.effective_date ?? "next payroll",
    })),
  };
}

/** Instructions for ending enrollments. */
export function unenrollInstructions(
  b: BenefitFacts,
  ids: string[],
  names: Map<string, string>,
  provider: string,
): Record<string, unknown> {
  return {
    action: `End ${ids.length === 1 ? "this person's" : `these ${ids.length} people's`} “${b.description ?? b.type}” deduction in ${provider}`,
    benefit: benefitWords(b),
    individuals: ids.map((individual_id) => ({ individual_id, name: names.get(individual_id) ?? "(unknown)" })),
  };
}
