import { ConnectSessionResponseSchema, CreateConnectSessionRequestSchema } from "../../../../contracts/finch/connect-sessions.js";
import { ConnectSessionErrorSchema, FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { createSession } from "../../../domain/connections/create-session.js";
import { type ErrorExtras, unwrap } from "../../errors.js";
import { requireClient } from "../../middleware/auth.js";
import type { RouteModule } from "../../types.js";

/** The spec requires `context` on this operation's 400s: the customer asked for (and the connection, when one exists). */
const customerContext: ErrorExtras = (request, body) => {
  if (body.code !== 400) return {};
  const customer = (request.body as { customer_id?: unknown } | undefined)?.customer_id;
  return { context: { ...(typeof customer === "string" ? { customer_id: customer } : {}), ...body.context } };
};

/** `POST /connect/sessions`: a Connect session for a new employer connection. */
export const postSessions: RouteModule = (app, deps) => {
  app.post(
    "/connect/sessions",
    {
      config: { errorExtras: customerContext },
      schema: {
        tags: ["Connect"],
        summary: "Create a Connect session",
        security: [{ basicAuth: [] }],
        body: CreateConnectSessionRequestSchema,
        response: { 201: ConnectSessionResponseSchema, 400: ConnectSessionErrorSchema, 401: FinchErrorSchema },
      },
    },
    async (request, reply) => {
      const application = await requireClient(deps, request);
      const session = unwrap(await createSession(deps, application, request.body));
      return reply.status(201).send(session);
    },
  );
};
