import { BENEFIT_WRITE_QUEUE, runBenefitJob } from "../domain/benefits/benefit-jobs.js";
import type { JobDefinition } from "./registry.js";

/** Runs deduction writes of sandbox automated connections (`/employer/benefits*` writes). */
export const benefitWriteJob: JobDefinition<{ jobId: string }> = {
  name: BENEFIT_WRITE_QUEUE,
  queue: { retryLimit: 2, retryDelay: 30 },
  async handle(deps, data) {
    await runBenefitJob(deps, data.jobId);
  },
};
