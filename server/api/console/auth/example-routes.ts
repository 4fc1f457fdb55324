import { z } from "zod";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { ConsoleUserSchema } from "../../../../contracts/linnet/console-auth.js";
import type { RouteModule } from "../../types.js";
import { presentUser } from "./console-auth.presenter.js";
import { requireOperatorKeyOrSession } from "./require-console.js";

const errors = { "4xx": FinchErrorSchema } as const;
const Json = z.record(z.string(), z.unknown());

/**
 * `GET /console/api/whoami` (ops.read) and `POST /console/api/echo` (ops.write): the smallest protected calls, showing
 * other route authors the guard in use and letting tests and scripts check a session, a CSRF token or an API key.
 */
export const exampleRoutes: RouteModule = (app, deps) => {
  app.get(
    "/console/api/whoami",
    { schema: { hide: true, response: { 200: z.object({ user: ConsoleUserSchema, via: z.enum(["session", "api_key"]) }), ...errors } } },
    async (request) => {
      const actor = await requireOperatorKeyOrSession(deps, request, "ops.read");
      return { user: presentUser(actor), via: actor.kind };
    },
  );

  app.post("/console/api/echo", { schema: { hide: true, body: Json, response: { 200: Json, ...errors } } }, async (request) => {
    await requireOperatorKeyOrSession(deps, request, "ops.write");
    return request.body;
  });
};
