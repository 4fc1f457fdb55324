import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { EmployerStatusSchema } from "../../../contracts/linnet/connect-flow.js";
import { confirmAccess, employerStatus } from "../../domain/status-page/employer-status.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";

const params = z.object({ token: z.string().max(200) });

/** The employer status page's API: read the status, report access granted. */
export const employerStatusRoutes: RouteModule = (app, deps) => {
  app.get(
    "/connect/api/status/:token",
    { schema: { hide: true, params, response: { 200: EmployerStatusSchema, "4xx": FinchErrorSchema } } },
    async (request) => unwrap(await employerStatus(deps, request.params.token)),
  );
  app.post(
    "/connect/api/status/:token/confirm-access",
    { schema: { hide: true, params, response: { 200: EmployerStatusSchema, "4xx": FinchErrorSchema } } },
    async (request) => unwrap(await confirmAccess(deps, request.params.token)),
  );
};
