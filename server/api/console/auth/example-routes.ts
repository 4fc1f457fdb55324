import { z } from "zod";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { ConsoleUserSchema } from "../../../../contracts/linnet/console-auth.js";
import type { RouteModule } from "../../types.js";
import { presentUser } from "./console-auth.presenter.js";
import { requireOperatorKeyOrSession } from "./require-console.js";

const errors = { "4xx": FinchErrorSchema } as const;

/**
 * `GET /console/api/whoami` (ops.read): the smallest protected call, showing other route authors the guard in use and
 * letting scripts check a session or an API key.
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
};
