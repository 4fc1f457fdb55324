import {
  type BenefitRow,
  type EnrollmentRow,
  findBenefit,
  listActiveBenefits,
  listEnrollments,
} from "../../db/repositories/benefits.repository.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { isUuid } from "../ids.js";

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

/** An asked individual's enrollment in a benefit, or null when they are not enrolled. */
export interface IndividualEnrollment {
  individualId: string;
  enrollment: EnrollmentRow | null;
}

/** `GET /employer/benefits`: the connection's active benefits. */
export async function listBenefits(deps: Pick<Deps, "db">, ctx: TokenContext): Promise<BenefitRow[]> {
  return listActiveBenefits(deps.db, ctx.connection.id);
}

/** `GET /employer/benefits/{id}/enrolled`: an active benefit and who is enrolled in it. */
export async function enrolledIds(
  deps: Pick<Deps, "db">,
  ctx: TokenContext,
  benefitId: string,
): Promise<Result<{ benefitId: string; individualIds: string[] }>> {
  const b = await activeBenefit(deps, ctx, benefitId);
  if (!b.ok) return b;
  return ok({ benefitId: b.value.id, individualIds: (await listEnrollments(deps.db, b.value.id)).map((e) => e.individualId) });
}

/**
 * `GET /employer/benefits/{id}/individuals?individual_ids=a,b`: each asked individual's enrollment, or null for
 * someone not enrolled; without ids, every enrolled individual.
 */
export async function individualBenefits(
  deps: Pick<Deps, "db">,
  ctx: TokenContext,
  benefitId: string,
  ids: string[] | null,
): Promise<Result<IndividualEnrollment[]>> {
  const b = await activeBenefit(deps, ctx, benefitId);
  if (!b.ok) return b;
  const asked = ids?.filter(isUuid);
  const rows = await listEnrollments(deps.db, b.value.id, asked);
  if (!ids) return ok(rows.map((e) => ({ individualId: e.individualId, enrollment: e })));
  const byId = new Map(rows.map((e) => [e.individualId, e]));
  return ok(ids.map((id) => ({ individualId: id, enrollment: byId.get(id) ?? null })));
}
