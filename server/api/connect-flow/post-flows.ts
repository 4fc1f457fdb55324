import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import {
  AssistedInstructionsSchema,
  AuthorizeRequestSchema,
  AuthorizeResponseSchema,
  ConnectFlowSchema,
  StartFlowRequestSchema,
} from "../../../contracts/linnet/connect-flow.js";
import { authorizeFlow } from "../../commands/authorize-flow.js";
import { flowInstructions } from "../../domain/connections/flow-instructions.js";
import { startFlow } from "../../domain/connections/start-flow.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";

const hidden = { hide: true } as const;

/** The hosted Connect page's API: start a flow, read assisted instructions, complete it. */
export const connectFlowRoutes: RouteModule = (app, deps) => {
  app.post(
    "/connect/api/flows",
    { schema: { ...hidden, body: StartFlowRequestSchema, response: { 200: ConnectFlowSchema, "4xx": FinchErrorSchema } } },
    async (request) => unwrap(await startFlow(deps, request.body.query)),
  );

  app.get(
    "/connect/api/flows/:flowId/providers/:providerId/instructions",
    {
      schema: {
        ...hidden,
        params: z.object({ flowId: z.string(), providerId: z.string() }),
        response: { 200: AssistedInstructionsSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => unwrap(await flowInstructions(deps, request.params.flowId, request.params.providerId)),
  );

  app.post(
    "/connect/api/flows/:flowId/authorize",
    {
      schema: {
        ...hidden,
        params: z.object({ flowId: z.string() }),
        body: AuthorizeRequestSchema,
        response: { 200: AuthorizeResponseSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => unwrap(await authorizeFlow(deps, request.params.flowId, request.body)),
  );
};
