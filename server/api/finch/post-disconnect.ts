import { DisconnectResponseSchema } from "../../../contracts/finch/auth.js";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { disconnectConnection } from "../../domain/connections/disconnect.js";
import { unwrap } from "../errors.js";
import { requireToken } from "../middleware/auth.js";
import type { RouteModule } from "../types.js";

/** `POST /disconnect`: revoke the token's connection and every token of it. */
export const postDisconnect: RouteModule = (app, deps) => {
  app.post(
    "/disconnect",
    {
      schema: {
        tags: ["Management"],
        summary: "Disconnect the connection of an access token",
        security: [{ bearerAuth: [] }],
        response: { 200: DisconnectResponseSchema, 401: FinchErrorSchema },
      },
    },
    async (request) => {
      const ctx = await requireToken(deps, request);
      return unwrap(await disconnectConnection(deps, ctx.connection.id, `app:${ctx.application.id}`));
    },
  );
};
