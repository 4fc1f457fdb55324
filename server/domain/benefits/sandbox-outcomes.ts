import { listSandboxBenefitOutcomes, setSandboxBenefitOutcome } from "../../db/repositories/benefits.repository.js";
import { findSandboxCompany } from "../../db/repositories/sandbox.repository.js";
import type { TokenContext } from "../connections/authenticate-token.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import type { BenefitJobType } from "./benefit-jobs.js";

/** A sandbox benefit job's configured end, as `GET /sandbox/jobs/configuration` lists it. */
export interface BenefitOutcome {
  type: BenefitJobType;
  completion_status: "complete" | "error";
}

/** Benefit job outcomes set for the token's sandbox company (only those set; the rest complete). */
export async function readBenefitOutcomes(deps: Pick<Deps, "db">, ctx: TokenContext): Promise<BenefitOutcome[]> {
  const rows = await listSandboxBenefitOutcomes(deps.db, ctx.connection.companyId);
  return rows.map((r) => ({
    type: r.jobType as BenefitJobType,
    completion_status: r.completionStatus as BenefitOutcome["completion_status"],
  }));
}

/** Choose how the next sandbox benefit jobs of a type end: `complete` or `error`. */
export async function writeBenefitOutcome(
  deps: Pick<Deps, "db">,
  ctx: TokenContext,
  type: BenefitJobType,
  status: string,
): Promise<Result<true>> {
  if (!(await findSandboxCompany(deps.db, ctx.connection.companyId)))
    return fail("invalid_request", "Sandbox endpoints work only on sandbox connections");
  if (status !== "complete" && status !== "error")
    return fail("invalid_request", `completion_status: ${type} jobs end as "complete" or "error"`);
  await setSandboxBenefitOutcome(deps.db, ctx.connection.companyId, type, status);
  return ok(true);
}
