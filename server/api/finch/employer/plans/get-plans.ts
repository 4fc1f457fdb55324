import { z } from "zod";
import { NotReadySchema } from "../../../../../contracts/finch/accepted.js";
import { FinchErrorSchema } from "../../../../../contracts/finch/errors.js";
import { PlanSchema, PlansPageSchema } from "../../../../../contracts/finch/plans.js";
import { getPlan, listPlans } from "../../../../domain/plans/read-plans.js";
import { unwrap } from "../../../errors.js";
import type { RouteModule } from "../../../types.js";
import { EntityIdsQuery } from "../employer-read.js";
import { openPlansRead, PlansPageQuery, plansRoute } from "./open-plans.js";

/** `GET /employer/plans` and `GET /employer/plans/{plan_id}` (beta; the `plans` product). */
export const getPlans: RouteModule = (app, deps) => {
  app.get(
    "/employer/plans",
    {
      schema: {
        ...plansRoute,
        summary: "List benefit plans",
        querystring: z.object({ ...PlansPageQuery, plan_type: z.string().optional() }),
        response: { 200: PlansPageSchema, 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const ctx = await openPlansRead(deps, request, reply, "plans");
      if (!ctx) return reply;
      const { limit, offset, plan_type } = request.query;
      return listPlans(deps, ctx, { limit, offset }, plan_type);
    },
  );
  app.get(
    "/employer/plans/:plan_id",
    {
      schema: {
        ...plansRoute,
        summary: "One benefit plan",
        params: z.object({ plan_id: z.string() }),
        querystring: z.object(EntityIdsQuery),
        response: { 200: PlanSchema, 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const ctx = await openPlansRead(deps, request, reply, "plans");
      return ctx ? unwrap(await getPlan(deps, ctx, request.params.plan_id)) : reply;
    },
  );
};
