import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { migrationsApplied } from "../../db/migration-status.js";
import { FinchError } from "../../domain/errors.js";
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
      let problem: string;
      try {
        if (await migrationsApplied(deps.db)) return { status: "ready" as const, database: "ok" as const, migrations: "applied" as const };
        problem = "the database is missing migrations this version needs (run `linnet migrate`)";
      } catch {
        problem = "the database cannot be reached";
      }
      return reply
        .status(503)
        .header("retry-after", "5")
        .send(new FinchError("service_unavailable", `Not ready: ${problem}`).toBody());
    },
  );
};
