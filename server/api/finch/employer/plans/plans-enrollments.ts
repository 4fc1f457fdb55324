import { z } from "zod";
import { NotReadySchema } from "../../../../../contracts/finch/accepted.js";
import { FinchErrorSchema } from "../../../../../contracts/finch/errors.js";
import { EnrollmentBatchRequestSchema, EnrollmentBatchSchema, EnrollmentsPageSchema } from "../../../../../contracts/finch/plans.js";
import { batchEnrollments, listPlanEnrollments } from "../../../../domain/plans/read-plans.js";
import type { RouteModule } from "../../../types.js";
import { EntityIdsQuery } from "../employer-read.js";
import { openPlansRead, PlansPageQuery, plansRoute } from "./open-plans.js";

/** `GET|POST /employer/plans-enrollments` (beta; the `plans_enrollments` product): a page, or up to 50 by id. */
export const plansEnrollmentsRoutes: RouteModule = (app, deps) => {
  app.get(
    "/employer/plans-enrollments",
    {
      schema: {
        ...plansRoute,
        summary: "List plan enrollments",
        querystring: z.object(PlansPageQuery),
        response: { 200: EnrollmentsPageSchema, 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const ctx = await openPlansRead(deps, request, reply, "plans_enrollments");
      return ctx ? listPlanEnrollments(deps, ctx, request.query) : reply;
    },
  );
  app.post(
    "/employer/plans-enrollments",
    {
      schema: {
        ...plansRoute,
        summary: "Read plan enrollments by id (at most 50)",
        querystring: z.object(EntityIdsQuery),
        body: EnrollmentBatchRequestSchema,
        response: { 200: EnrollmentBatchSchema, 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const ctx = await openPlansRead(deps, request, reply, "plans_enrollments");
      return ctx
        ? batchEnrollments(
            deps,
            ctx,
            request.body.requests.map((r) => r.enrollment_id),
          )
        : reply;
    },
  );
};
