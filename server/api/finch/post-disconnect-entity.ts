import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import {
  DisconnectEntityErrorSchema,
  DisconnectEntityRequestSchema,
  DisconnectEntityResponseSchema,
} from "../../../contracts/finch/management.js";
import { disconnectEntities } from "../../domain/connections/disconnect-entity.js";
import { FinchError } from "../../domain/errors.js";
import { statusFields, unwrap } from "../errors.js";
import { requireToken } from "../middleware/auth.js";
import type { RouteModule } from "../types.js";

/**
 * `POST /disconnect-entity`: disconnect some entities of the token's connection, the others staying served; naming
 * every live entity disconnects the connection (as `POST /disconnect`). Ids that are no entity of the connection
 * answer 400 with the spec's `errors: [{ entityId, error: "NOT_FOUND" }]` and change nothing.
 */
export const postDisconnectEntity: RouteModule = (app, deps) => {
  app.post(
    "/disconnect-entity",
    {
      schema: {
        tags: ["Management"],
        summary: "Disconnect entities of a connection without affecting the others",
        security: [{ bearerAuth: [] }],
        body: DisconnectEntityRequestSchema,
        response: { 200: DisconnectEntityResponseSchema, 400: DisconnectEntityErrorSchema, "4xx": FinchErrorSchema },
      },
      config: { errorExtras: statusFields },
    },
    async (request, reply) => {
      const ctx = await requireToken(deps, request);
      const outcome = unwrap(await disconnectEntities(deps, ctx, request.body.entity_ids, `app:${ctx.application.id}`));
      if ("status" in outcome) return outcome;
      const body = new FinchError(
        "invalid_request",
        `entity_ids: not entities of this connection: ${outcome.notFound.join(", ")}`,
      ).toBody();
      return reply.status(400).send({
        ...body,
        statusCode: 400,
        status: 400,
        errors: outcome.notFound.map((entityId) => ({ entityId, error: "NOT_FOUND" as const })),
      });
    },
  );
};
