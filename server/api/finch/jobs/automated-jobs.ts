import { z } from "zod";
import { ErrorResponseSchema } from "../../../../contracts/finch/errors.js";
import { DATA_SYNC_QUOTA, getJob, listJobs, requestDataSync } from "../../../domain/data-syncs/automated-sync.js";
import { FinchError } from "../../../domain/errors.js";
import { statusFields, unwrap } from "../../errors.js";
import { requireToken } from "../../middleware/auth.js";
import { presentAutomatedJob, presentSyncRequest } from "../../presenters/automated-job.presenter.js";
import type { RouteModule } from "../../types.js";

const JobSchema = z.object({
  job_id: z.string(),
  job_url: z.string(),
  type: z.enum(["data_sync_all", "w4_form_employee_sync"]),
  status: z.string(),
  created_at: z.string(),
  scheduled_at: z.string().nullable(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  params: z.record(z.string(), z.unknown()).nullable(),
});
const JobResponse = z.object({
  job_id: z.string().optional(),
  job_url: z.string().optional(),
  allowed_refreshes: z.number(),
  remaining_refreshes: z.number(),
  retry_at: z.string().optional(),
});

/** `POST|GET /jobs/automated` and `GET /jobs/automated/{job_id}`: on-demand data syncs of automated connections. */
export const automatedJobRoutes: RouteModule = (app, deps) => {
  app.post(
    "/jobs/automated",
    {
      config: { errorExtras: statusFields },
      schema: {
        tags: ["Jobs"],
        summary: "Enqueue a data sync",
        security: [{ bearerAuth: [] }],
        body: z.object({
          type: z.enum(["data_sync_all", "w4_form_employee_sync"]),
          params: z.object({ individual_id: z.string() }).optional(),
        }),
        response: { 201: JobResponse, 202: JobResponse, 429: JobResponse, "4xx": ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const ctx = await requireToken(deps, request);
      if (request.body.type !== "data_sync_all")
        throw new FinchError("invalid_request", "type: only data_sync_all is supported (no provider offers W-4 documents here)");
      const answer = presentSyncRequest(deps, unwrap(await requestDataSync(deps, ctx)));
      return reply.status(answer.status).headers(answer.headers).send(answer.body);
    },
  );
  app.get(
    "/jobs/automated",
    {
      config: { errorExtras: statusFields },
      schema: {
        tags: ["Jobs"],
        summary: "List a connection's data syncs, newest first",
        security: [{ bearerAuth: [] }],
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({
            meta: z.object({
              quotas: z.object({ data_sync_all: z.object({ allowed_refreshes: z.number(), remaining_refreshes: z.number() }) }),
            }),
            data: z.array(JobSchema),
          }),
          "4xx": ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      const { remaining, jobs } = await listJobs(deps, await requireToken(deps, request), request.query.limit, request.query.offset);
      return {
        meta: { quotas: { data_sync_all: { allowed_refreshes: DATA_SYNC_QUOTA, remaining_refreshes: remaining } } },
        data: jobs.map((j) => presentAutomatedJob(deps, j)),
      };
    },
  );
  app.get(
    "/jobs/automated/:job_id",
    {
      config: { errorExtras: statusFields },
      schema: {
        tags: ["Jobs"],
        summary: "Read one data sync",
        security: [{ bearerAuth: [] }],
        params: z.object({ job_id: z.string() }),
        response: { 200: JobSchema, "4xx": ErrorResponseSchema },
      },
    },
    async (request) => {
      return presentAutomatedJob(deps, unwrap(await getJob(deps, await requireToken(deps, request), request.params.job_id)));
    },
  );
};
