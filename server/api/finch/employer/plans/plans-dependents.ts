import { z } from "zod";
import { NotReadySchema } from "../../../../../contracts/finch/accepted.js";
import { FinchErrorSchema } from "../../../../../contracts/finch/errors.js";
import { DependentBatchRequestSchema, DependentBatchSchema, DependentsPageSchema } from "../../../../../contracts/finch/plans.js";
import { FinchError } from "../../../../domain/errors.js";
import { batchDependents, listPlanDependents } from "../../../../domain/plans/read-plans.js";
import type { RouteModule } from "../../../types.js";
import { EntityIdsQuery } from "../employer-read.js";
import { openPlansRead, PlansPageQuery, plansRoute } from "./open-plans.js";

const includeValue = z.union([z.string(), z.array(z.string())]).optional();

/** `include` however it came (`include=ssn`, `include[]=ssn`, comma-joined); only `ssn` is known (else 400 naming `include`). */
function includeOf(query: { include?: string | string[]; "include[]"?: string | string[] }): string[] {
  const values = [query.include, query["include[]"]]
    .flatMap((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  const unknown = values.filter((v) => v !== "ssn");
  if (unknown.length > 0) throw new FinchError("invalid_request", `include: unknown value "${unknown[0]}"; expected ssn`);
  return values;
}

/** `GET|POST /employer/plans-dependents` (beta; the `plans_dependents` product; SSNs also need `ssn`). */
export const plansDependentsRoutes: RouteModule = (app, deps) => {
  app.get(
    "/employer/plans-dependents",
    {
      schema: {
        ...plansRoute,
        summary: "List dependents covered by plans",
        querystring: z.object({ ...PlansPageQuery, include: includeValue, "include[]": includeValue }),
        response: { 200: DependentsPageSchema, 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const ctx = await openPlansRead(deps, request, reply, "plans_dependents");
      return ctx ? listPlanDependents(deps, ctx, request.query, includeOf(request.query)) : reply;
    },
  );
  app.post(
    "/employer/plans-dependents",
    {
      schema: {
        ...plansRoute,
        summary: "Read dependents by id (at most 50)",
        querystring: z.object(EntityIdsQuery),
        body: DependentBatchRequestSchema,
        response: { 200: DependentBatchSchema, 202: NotReadySchema, "4xx": FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const ctx = await openPlansRead(deps, request, reply, "plans_dependents");
      return ctx
        ? batchDependents(
            deps,
            ctx,
            request.body.requests.map((r) => r.dependent_id),
            request.body.options?.include,
          )
        : reply;
    },
  );
};
