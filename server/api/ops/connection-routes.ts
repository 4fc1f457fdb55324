import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { OpsConnectionSchema, PullFailureSchema, SetStatusSchema } from "../../../contracts/linnet/ops.js";
import { opsConnectionView } from "../../domain/ops/connection-view.js";
import { recordPullFailure } from "../../domain/ops/record-pull-failure.js";
import { operatorSetStatus } from "../../domain/ops/set-status.js";
import { requireConsoleActor } from "../console/auth/require-console.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";

const params = z.object({ id: z.string() });

/** The connection page: everything about one connection, the status moves an operator may make, failed pulls. */
export const opsConnectionRoutes: RouteModule = (app, deps) => {
  app.get("/ops/api/connections/:id", { schema: { hide: true, params, response: { 200: OpsConnectionSchema, "4xx": FinchErrorSchema } } }, async (request) => {
    await requireConsoleActor(deps, request, "ops.read");
    return unwrap(await opsConnectionView(deps, request.params.id));
  });
  app.post(
    "/ops/api/connections/:id/status",
    { schema: { hide: true, params, body: SetStatusSchema, response: { 200: OpsConnectionSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      unwrap(await operatorSetStatus(deps, actor.userId, request.params.id, request.body.status, request.body.reason));
      return unwrap(await opsConnectionView(deps, request.params.id));
    },
  );
  app.post(
    "/ops/api/connections/:id/pull-failures",
    { schema: { hide: true, params, body: PullFailureSchema, response: { 200: OpsConnectionSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      unwrap(await recordPullFailure(deps, actor.userId, request.params.id, request.body));
      return unwrap(await opsConnectionView(deps, request.params.id));
    },
  );
};
