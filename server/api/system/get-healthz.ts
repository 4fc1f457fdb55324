import { z } from "zod";
import type { RouteModule } from "../types.js";

/**
 * `GET /healthz`: liveness only. The process answers HTTP; the database is not asked, so a supervisor restarts a
 * hung process but not one that merely waits for its database (that is `/readyz`). Before 0.2 this also checked the
 * database; a load balancer should now use `/readyz`.
 */
export const getHealthz: RouteModule = (app) => {
  app.get(
    "/healthz",
    { schema: { tags: ["System"], summary: "Liveness: the process answers", response: { 200: z.object({ status: z.literal("ok") }) } } },
    async () => ({ status: "ok" as const }),
  );
};
