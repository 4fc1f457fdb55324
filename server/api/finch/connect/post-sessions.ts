import { ConnectSessionResponseSchema, CreateConnectSessionRequestSchema } from "../../../../contracts/finch/connect-sessions.js";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { createSession } from "../../../domain/connections/create-session.js";
import { unwrap } from "../../errors.js";
import { requireClient } from "../../middleware/auth.js";
import type { RouteModule } from "../../types.js";

/** `POST /connect/sessions`: a Connect session for a new employer connection. */
export const postSessions: RouteModule = (app, deps) => {
  app.post(
    "/connect/sessions",
    {
      schema: {
        tags: ["Connect"],
        summary: "Create a Connect session",
        security: [{ basicAuth: [] }],
        body: CreateConnectSessionRequestSchema,
        response: { 201: ConnectSessionResponseSchema, 400: FinchErrorSchema, 401: FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const application = await requireClient(deps, request);
      const session = unwrap(await createSession(deps, application, request.body));
      return reply.status(201).send(session);
    },
  );
};
