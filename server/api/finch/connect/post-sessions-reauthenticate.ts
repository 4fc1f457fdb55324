import { ConnectSessionResponseSchema, ReauthenticateRequestSchema } from "../../../../contracts/finch/connect-sessions.js";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { createReauthSession } from "../../../domain/connections/create-session.js";
import { unwrap } from "../../errors.js";
import { requireClient } from "../../middleware/auth.js";
import type { RouteModule } from "../../types.js";

/** `POST /connect/sessions/reauthenticate`: a Connect session that re-authenticates an existing connection. */
export const postSessionsReauthenticate: RouteModule = (app, deps) => {
  app.post(
    "/connect/sessions/reauthenticate",
    {
      schema: {
        tags: ["Connect"],
        summary: "Create a reauthentication Connect session",
        security: [{ basicAuth: [] }],
        body: ReauthenticateRequestSchema,
        response: { 201: ConnectSessionResponseSchema, 400: FinchErrorSchema, 401: FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const application = await requireClient(deps, request);
      const session = unwrap(await createReauthSession(deps, application, request.body));
      return reply.status(201).send(session);
    },
  );
};
