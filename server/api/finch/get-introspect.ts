import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { IntrospectResponseSchema } from "../../../contracts/finch/introspect.js";
import { introspectToken } from "../../domain/connections/introspect.js";
import { requireToken } from "../middleware/auth.js";
import { presentIntrospection } from "../presenters/introspection.presenter.js";
import type { RouteModule } from "../types.js";

/** `GET /introspect`: what a token is for and the state of its connection. */
export const getIntrospect: RouteModule = (app, deps) => {
  app.get(
    "/introspect",
    {
      schema: {
        tags: ["Management"],
        summary: "Read account information associated with an access token",
        security: [{ bearerAuth: [] }],
        response: { 200: IntrospectResponseSchema, 401: FinchErrorSchema },
      },
    },
    async (request) => presentIntrospection(await introspectToken(deps, await requireToken(deps, request))),
  );
};
