import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { ForwardRequestSchema, ForwardResponseSchema } from "../../../contracts/finch/management.js";
import { forwardRequest } from "../../domain/forward/forward-request.js";
import { unwrap } from "../errors.js";
import { requireToken } from "../middleware/auth.js";
import { presentForward } from "../presenters/forward.presenter.js";
import type { RouteModule } from "../types.js";

/** `POST /forward`: a request to the connection's own provider API, answered in the spec's envelope. */
export const postForward: RouteModule = (app, deps) => {
  app.post(
    "/forward",
    {
      schema: {
        tags: ["Management"],
        summary: "Forward a request to the connection's provider API",
        security: [{ bearerAuth: [] }],
        body: ForwardRequestSchema,
        response: { 200: ForwardResponseSchema, "4xx": FinchErrorSchema, 501: FinchErrorSchema },
      },
    },
    async (request) => presentForward(unwrap(await forwardRequest(deps, await requireToken(deps, request), request.body))),
  );
};
