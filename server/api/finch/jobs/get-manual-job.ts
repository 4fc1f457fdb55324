import { z } from "zod";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { readManualJob } from "../../../domain/assisted/manual-jobs.js";
import { unwrap } from "../../errors.js";
import { requireToken } from "../../middleware/auth.js";
import type { RouteModule } from "../../types.js";

/** `GET /jobs/manual/{job_id}`: a deduction write carried out by the operations team. */
export const getManualJob: RouteModule = (app, deps) => {
  app.get(
    "/jobs/manual/:job_id",
    {
      schema: {
        tags: ["Jobs"],
        summary: "Read a manual (assisted) job",
        security: [{ bearerAuth: [] }],
        params: z.object({ job_id: z.string() }),
        response: { 200: z.object({ job_id: z.string(), status: z.enum(["pending", "in_progress", "complete", "error"]), body: z.array(z.unknown()).nullable() }), "4xx": FinchErrorSchema },
      },
    },
    async (request) => unwrap(await readManualJob(deps, await requireToken(deps, request), request.params.job_id)),
  );
};
