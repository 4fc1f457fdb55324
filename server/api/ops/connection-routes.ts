import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { OpsConnectionSchema, PullFailureSchema, SetStatusSchema } from "../../../contracts/linnet/ops.js";
import { recordAudit } from "../../domain/audit/audit-log.js";
import { opsConnectionView } from "../../domain/ops/connection-view.js";
import { recordPullFailure } from "../../domain/ops/record-pull-failure.js";
import { operatorSetStatus } from "../../domain/ops/set-status.js";
import { requireConsoleActor } from "../console/auth/require-console.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";

const params = z.object({ id: z.string() });

/** The connection page: everything about one connection, the status moves an operator may make, failed pulls. */
export const opsConnectionRoutes: RouteModule = (app, deps) => {
  app.get(
    "/ops/api/connections/:id",
    { schema: { hide: true, params, response: { 200: OpsConnectionSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      await requireConsoleActor(deps, request, "ops.read");
      return unwrap(await opsConnectionView(deps, request.params.id));
    },
  );
  app.post(
    "/ops/api/connections/:id/status",
    { schema: { hide: true, params, body: SetStatusSchema, response: { 200: OpsConnectionSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      const id = request.params.id;
      unwrap(await operatorSetStatus(deps, actor.userId, id, request.body.status, request.body.reason));
      const reason = request.body.reason ? `: ${request.body.reason}` : "";
      await recordAudit(deps, actor, {
        action: "connection.status_changed",
        target: { type: "connection", id },
        connectionId: id,
        summary: `Changed the status to ${request.body.status.replaceAll("_", " ")}${reason}`,
        details: { status: request.body.status },
      });
      return unwrap(await opsConnectionView(deps, request.params.id));
    },
  );
  app.post(
    "/ops/api/connections/:id/pull-failures",
    { schema: { hide: true, params, body: PullFailureSchema, response: { 200: OpsConnectionSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      unwrap(await recordPullFailure(deps, actor.userId, request.params.id, request.body));
      const id = request.params.id;
      await recordAudit(deps, actor, {
        action: "connection.pull_failure_reported",
        target: { type: "connection", id },
        connectionId: id,
        summary: `Reported a failed ${request.body.group === "org" ? "census" : "pay"} pull: ${request.body.reason}`,
        details: { group: request.body.group },
      });
      return unwrap(await opsConnectionView(deps, request.params.id));
    },
  );
};
