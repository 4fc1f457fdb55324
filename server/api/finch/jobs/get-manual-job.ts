import { z } from "zod";
import { ManualAsyncJobSchema } from "../../../../contracts/finch/benefits.js";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { readDeductionJob } from "../../../domain/benefits/benefit-jobs.js";
import { unwrap } from "../../errors.js";
import { requireToken } from "../../middleware/auth.js";
import type { RouteModule } from "../../types.js";

/** `GET /jobs/manual/{job_id}`: a deduction write (automated or carried out by the operations team), with Linnet's `linnet_verification`. */
export const getManualJob: RouteModule = (app, deps) => {
  app.get(
    "/jobs/manual/:job_id",
    {
      schema: {
        tags: ["Jobs"],
        summary: "Read a deduction job",
        security: [{ bearerAuth: [] }],
        params: z.object({ job_id: z.string() }),
        response: { 200: ManualAsyncJobSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => unwrap(await readDeductionJob(deps, await requireToken(deps, request), request.params.job_id)),
  );
};
