import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { FinchError } from "../../domain/errors.js";
import { readiness } from "../../domain/health/readiness.js";
import type { RouteModule } from "../types.js";

/**
 * `GET /readyz`: ready for traffic when the database answers and has every migration this code ships; otherwise
 * 503 in the Finch error shape with `Retry-After`, so a load balancer holds traffic until a migration or an outage ends.
 */
export const getReadyz: RouteModule = (app, deps) => {
  app.get(
    "/readyz",
    {
      schema: {
        tags: ["System"],
        summary: "Readiness: database reachable and migrated",
        response: {
          200: z.object({ status: z.literal("ready"), database: z.literal("ok"), migrations: z.literal("applied") }),
          503: FinchErrorSchema,
        },
      },
    },
    async (_request, reply) => {
      const state = await readiness(deps.db);
      if (state.ready) return { status: "ready" as const, database: "ok" as const, migrations: "applied" as const };
      return reply
        .status(503)
        .header("retry-after", "5")
        .send(new FinchError("service_unavailable", `Not ready: ${state.problem}`).toBody());
    },
  );
};
