import type { z } from "zod";
import type { BenefitJobResponseSchema, JobResponseSchema } from "../../../contracts/finch/benefits.js";
import type { BenefitWriteOutcome } from "../../domain/benefits/write-benefits.js";

/** A deduction write's answer body: the benefit and its job, or the job alone. */
export type BenefitWriteBody = z.infer<typeof BenefitJobResponseSchema> | z.infer<typeof JobResponseSchema>;

/** A deduction write's answer: 201 for a new benefit, 200 for a change or a queued job (also when replayed). */
export function presentBenefitWrite(outcome: BenefitWriteOutcome): { status: 200 | 201; body: BenefitWriteBody } {
  if (outcome.kind === "job_queued") return { status: 200, body: { job_id: outcome.jobId } };
  return { status: outcome.kind === "benefit_created" ? 201 : 200, body: { benefit_id: outcome.benefitId, job_id: outcome.jobId } };
}
