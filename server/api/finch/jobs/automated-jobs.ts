import { z } from "zod";
import { ErrorResponseSchema } from "../../../../contracts/finch/errors.js";
import type { AutomatedJobRow } from "../../../db/repositories/automated-jobs.repository.js";
import { DATA_SYNC_QUOTA, getJob, jobUrl, listJobs, requestDataSync } from "../../../domain/jobs/automated-sync.js";
import { FinchError } from "../../../domain/errors.js";
import { statusFields, unwrap } from "../../errors.js";
import { requireToken } from "../../middleware/auth.js";
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
const JobResponse = z.object({ job_id: z.string().optional(), job_url: z.string().optional(), allowed_refreshes: z.number(), remaining_refreshes: z.number(), retry_at: z.string().optional() });

/** A job as the API shows it. */
function present(deps: Parameters<RouteModule>[1], j: AutomatedJobRow): z.infer<typeof JobSchema> {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    job_id: j.id,
    job_url: jobUrl(deps, j.id),
    type: j.type,
    status: j.status,
    created_at: j.createdAt.toISOString(),
    scheduled_at: iso(j.scheduledAt),
    started_at: iso(j.startedAt),
    completed_at: iso(j.completedAt),
    params: j.params,
  };
}

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
        body: z.object({ type: z.enum(["data_sync_all", "w4_form_employee_sync"]), params: z.object({ individual_id: z.string() }).optional() }),
        response: { 201: JobResponse, 202: JobResponse, 429: JobResponse, "4xx": ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const ctx = await requireToken(deps, request);
      if (request.body.type !== "data_sync_all") throw new FinchError("invalid_request", "type: only data_sync_all is supported (no provider offers W-4 documents here)");
      const outcome = unwrap(await requestDataSync(deps, ctx));
      if (outcome.status === 429 && outcome.body.retry_at) reply.header("retry-after", String(Math.ceil((Date.parse(outcome.body.retry_at) - deps.clock.now().getTime()) / 1000)));
      return reply.status(outcome.status).send(outcome.body);
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
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(100), offset: z.coerce.number().int().min(0).default(0) }),
        response: {
          200: z.object({ meta: z.object({ quotas: z.object({ data_sync_all: z.object({ allowed_refreshes: z.number(), remaining_refreshes: z.number() }) }) }), data: z.array(JobSchema) }),
          "4xx": ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      const { remaining, jobs } = await listJobs(deps, await requireToken(deps, request), request.query.limit, request.query.offset);
      return {
        meta: { quotas: { data_sync_all: { allowed_refreshes: DATA_SYNC_QUOTA, remaining_refreshes: remaining } } },
        data: jobs.map((j) => present(deps, j)),
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
      return present(deps, unwrap(await getJob(deps, await requireToken(deps, request), request.params.job_id)));
    },
  );
};
