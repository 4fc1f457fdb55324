import { z } from "zod";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { BENEFIT_JOB_TYPES } from "../../../domain/benefits/benefit-jobs.js";
import { readBenefitOutcomes, writeBenefitOutcome } from "../../../domain/benefits/sandbox-outcomes.js";
import { requestDataSync } from "../../../domain/data-syncs/automated-sync.js";
import { FinchError } from "../../../domain/errors.js";
import { readSyncOutcome, writeSyncOutcome } from "../../../domain/sandbox/sync-outcome.js";
import { unwrap } from "../../errors.js";
import { requireToken } from "../../middleware/auth.js";
import { presentQueuedSync, secondsUntil } from "../../presenters/automated-job.presenter.js";
import type { RouteModule } from "../../types.js";

const Configuration = z.object({
  type: z.enum(["data_sync_all", ...BENEFIT_JOB_TYPES]),
  completion_status: z.enum(["complete", "reauth_error", "permissions_error", "error"]),
});

/** `POST /sandbox/jobs` and `GET|PUT /sandbox/jobs/configuration`: run sandbox syncs and choose how they end. */
export const sandboxJobRoutes: RouteModule = (app, deps) => {
  app.post(
    "/sandbox/jobs",
    {
      schema: {
        tags: ["Sandbox"],
        summary: "Enqueue a sandbox data sync",
        security: [{ bearerAuth: [] }],
        body: z.object({ type: z.literal("data_sync_all") }),
        response: {
          200: z.object({ job_id: z.string(), job_url: z.string(), allowed_refreshes: z.number(), remaining_refreshes: z.number() }),
          "4xx": FinchErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const outcome = unwrap(await requestDataSync(deps, await requireToken(deps, request)));
      if (outcome.kind === "quota_exhausted") {
        // the spec declares only a 200 here: over the hourly budget is a Finch error with Retry-After, as other limits are
        reply.header("retry-after", String(Math.max(1, secondsUntil(outcome.retryAt, deps.clock.now()))));
        throw new FinchError(
          "rate_limited",
          `Sandbox syncs are limited to ${outcome.allowed} an hour; the next one may start at ${outcome.retryAt.toISOString()}`,
        );
      }
      return reply.status(200).send(presentQueuedSync(deps, outcome));
    },
  );
  app.get(
    "/sandbox/jobs/configuration",
    {
      schema: {
        tags: ["Sandbox"],
        summary: "How sandbox syncs end",
        security: [{ bearerAuth: [] }],
        response: { 200: z.array(Configuration), "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      const ctx = await requireToken(deps, request);
      return [
        { type: "data_sync_all" as const, completion_status: unwrap(await readSyncOutcome(deps, ctx)) },
        ...(await readBenefitOutcomes(deps, ctx)),
      ];
    },
  );
  app.put(
    "/sandbox/jobs/configuration",
    {
      schema: {
        tags: ["Sandbox"],
        summary: "Choose how the next sandbox syncs end",
        security: [{ bearerAuth: [] }],
        body: Configuration,
        response: { 200: Configuration, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      const ctx = await requireToken(deps, request);
      const { type, completion_status } = request.body;
      unwrap(
        type === "data_sync_all"
          ? await writeSyncOutcome(deps, ctx, completion_status)
          : await writeBenefitOutcome(deps, ctx, type, completion_status),
      );
      return request.body;
    },
  );
};
