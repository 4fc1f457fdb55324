import type { z } from "zod";
import type { CompanyBenefit, IndividualBenefit, IndividualBenefitsSchema } from "../../../contracts/finch/benefits.js";
import { type BenefitRow, type EnrollmentRow, findBenefit, listActiveBenefits, listEnrollments } from "../../db/repositories/benefits.repository.js";
import { isUuid } from "../applications/authenticate-client.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";

/** A benefit as `CompanyBenefit`. */
export function presentBenefit(b: BenefitRow): CompanyBenefit {
  return {
    benefit_id: b.id,
    type: b.type as CompanyBenefit["type"],
    description: b.description,
    frequency: b.frequency,
    company_contribution: (b.companyContribution ?? null) as CompanyBenefit["company_contribution"],
  };
}

/** An enrollment as `IndividualBenefit`. */
export function presentEnrollment(e: EnrollmentRow): IndividualBenefit {
  return {
    employee_deduction: (e.employeeDeduction ?? null) as IndividualBenefit["employee_deduction"],
    company_contribution: (e.companyContribution ?? null) as IndividualBenefit["company_contribution"],
    annual_maximum: e.annualMaximum,
    catch_up: e.catchUp,
    hsa_contribution_limit: (e.hsaContributionLimit ?? null) as IndividualBenefit["hsa_contribution_limit"],
  };
}

/** A benefit of the token's connection that writes may target (pending or active); 404 otherwise. */
export async function writableBenefit(deps: Pick<Deps, "db">, ctx: TokenContext, benefitId: string): Promise<Result<BenefitRow>> {
  const b = isUuid(benefitId) ? await findBenefit(deps.db, ctx.connection.id, benefitId) : undefined;
  if (!b || b.state === "failed") return fail("benefit_not_found", `could not find benefit with id '${benefitId}'`);
  return ok(b);
}

/** An active benefit of the token's connection; 404 otherwise. */
export async function activeBenefit(deps: Pick<Deps, "db">, ctx: TokenContext, benefitId: string): Promise<Result<BenefitRow>> {
  const b = isUuid(benefitId) ? await findBenefit(deps.db, ctx.connection.id, benefitId) : undefined;
  if (b?.state !== "active") return fail("benefit_not_found", `could not find benefit with id '${benefitId}'`);
  return ok(b);
}

/** `GET /employer/benefits`. */
export async function listBenefits(deps: Pick<Deps, "db">, ctx: TokenContext): Promise<CompanyBenefit[]> {
  return (await listActiveBenefits(deps.db, ctx.connection.id)).map(presentBenefit);
}

/** `GET /employer/benefits/{id}/enrolled`. */
export async function enrolledIds(deps: Pick<Deps, "db">, ctx: TokenContext, benefitId: string): Promise<Result<{ benefit_id: string; individual_ids: string[] }>> {
  const b = await activeBenefit(deps, ctx, benefitId);
  if (!b.ok) return b;
  return ok({ benefit_id: b.value.id, individual_ids: (await listEnrollments(deps.db, b.value.id)).map((e) => e.individualId) });
}

/**
 * `GET /employer/benefits/{id}/individuals?individual_ids=a,b`: each asked individual's enrollment, or a 404 item
 * for someone not enrolled; without ids, every enrolled individual.
 */
export async function individualBenefits(
  deps: Pick<Deps, "db">,
  ctx: TokenContext,
  benefitId: string,
  ids: string[] | null,
): Promise<Result<z.infer<typeof IndividualBenefitsSchema>>> {
  const b = await activeBenefit(deps, ctx, benefitId);
  if (!b.ok) return b;
  const asked = ids?.filter(isUuid);
  const rows = await listEnrollments(deps.db, b.value.id, asked);
  if (!ids) return ok(rows.map((e) => ({ individual_id: e.individualId, code: 200, body: presentEnrollment(e) })));
  const byId = new Map(rows.map((e) => [e.individualId, e]));
  return ok(
    ids.map((id) => {
      const e = byId.get(id);
      return e
        ? { individual_id: id, code: 200, body: presentEnrollment(e) }
        : { individual_id: id, code: 404, body: { code: 404, name: "not_found_error", finch_code: "enrollment_not_found", message: `Individual '${id}' is not enrolled in this benefit` } };
    }),
  );
}
