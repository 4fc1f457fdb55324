import { sql } from "drizzle-orm";
import { z } from "zod";
import type { RouteModule } from "../types.js";

/** `GET /healthz`: the process is up and the database answers. */
export const getHealthz: RouteModule = (app, deps) => {
  app.get(
    "/healthz",
    {
      schema: {
        tags: ["System"],
        summary: "Liveness and database check",
        response: { 200: z.object({ status: z.literal("ok"), database: z.string() }), 503: z.object({ status: z.literal("unavailable") }) },
      },
    },
    async (_request, reply) => {
      try {
        await deps.db.execute(sql`select 1`);
        return { status: "ok" as const, database: "ok" };
      } catch {
        return reply.status(503).send({ status: "unavailable" as const });
      }
    },
  );
};
