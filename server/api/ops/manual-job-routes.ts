import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { CompleteManualJobSchema, OpsManualJobSchema } from "../../../contracts/linnet/ops.js";
import { completeManualJob } from "../../commands/complete-manual-job.js";
import type { ManualJobStatus } from "../../domain/assisted/manual-job-machine.js";
import { startManualJob } from "../../domain/assisted/manual-jobs.js";
import { recordAudit } from "../../domain/audit/audit-log.js";
import { FinchError } from "../../domain/errors.js";
import { listManualJobView, manualJobView } from "../../domain/ops/manual-job-view.js";
import { requireConsoleActor } from "../console/auth/require-console.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";

const params = z.object({ id: z.string() });

/** Manual jobs for operators: list, start, complete with per-item results. */
export const opsManualJobRoutes: RouteModule = (app, deps) => {
  const view = async (id: string) => {
    const job = await manualJobView(deps, id);
    if (!job) throw new FinchError("not_found", "Manual job not found");
    return job;
  };
  app.get(
    "/ops/api/manual-jobs",
    {
      schema: {
        hide: true,
        // open = pending or in progress (the default); any = every status
        querystring: z.object({ status: z.enum(["pending", "in_progress", "complete", "error", "open", "any"]).default("open") }),
        response: { 200: z.object({ jobs: z.array(OpsManualJobSchema) }), "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      await requireConsoleActor(deps, request, "ops.read");
      const { status } = request.query;
      const statuses: ManualJobStatus[] =
        status === "open" ? ["pending", "in_progress"] : status === "any" ? ["pending", "in_progress", "complete", "error"] : [status];
      return { jobs: await listManualJobView(deps, statuses) };
    },
  );
  app.post(
    "/ops/api/manual-jobs/:id/start",
    { schema: { hide: true, params, response: { 200: OpsManualJobSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      unwrap(await startManualJob(deps, actor.userId, request.params.id));
      const job = await view(request.params.id);
      await recordAudit(deps, actor, {
        action: "manual_job.started",
        target: { type: "manual_job", id: job.job_id },
        connectionId: job.connection_id,
        summary: `Started the manual job ${job.type.replaceAll("_", " ")}${job.customer_name ? ` for ${job.customer_name}` : ""}`,
      });
      return job;
    },
  );
  app.post(
    "/ops/api/manual-jobs/:id/complete",
    { schema: { hide: true, params, body: CompleteManualJobSchema, response: { 200: OpsManualJobSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      unwrap(await completeManualJob(deps, actor.userId, request.params.id, request.body));
      const job = await view(request.params.id);
      await recordAudit(deps, actor, {
        action: "manual_job.completed",
        target: { type: "manual_job", id: job.job_id },
        connectionId: job.connection_id,
        summary: `Completed the manual job ${job.type.replaceAll("_", " ")} as ${job.status}${job.customer_name ? ` for ${job.customer_name}` : ""}`,
        details: { status: job.status },
      });
      return job;
    },
  );
};
