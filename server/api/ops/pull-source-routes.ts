import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { PullSourceInputSchema, PullSourceSchema, PullSourceTestSchema } from "../../../contracts/linnet/pull-sources.js";
import { recordAudit } from "../../domain/audit/audit-log.js";
import { getPullSource, removePullSource, savePullSource, testPullSource } from "../../domain/intake/pull-sources.js";
import { requireConsoleActor } from "../console/auth/require-console.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";

const params = z.object({ id: z.string() });
const tags = ["Operations"];
const path = "/ops/api/connections/:id/pull-source";

/** A connection's pull source: a remote SFTP server polled for scheduled reports. Its password or key is never returned. */
export const opsPullSourceRoutes: RouteModule = (app, deps) => {
  app.get(
    path,
    { schema: { tags, summary: "A connection's pull source", params, response: { 200: PullSourceSchema, "4xx": FinchErrorSchema } } },
    async (request) => {
      await requireConsoleActor(deps, request, "ops.read");
      return unwrap(await getPullSource(deps, request.params.id));
    },
  );

  app.put(
    path,
    {
      schema: {
        tags,
        summary: "Create or replace a connection's pull source (credentials sealed, never returned)",
        params,
        body: PullSourceInputSchema,
        response: { 200: PullSourceSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      const saved = unwrap(await savePullSource(deps, `user:${actor.userId}`, request.params.id, request.body));
      const fields = Object.keys(request.body).filter((k) => k !== "password" && k !== "private_key" && k !== "passphrase");
      await recordAudit(deps, actor, {
        action: "pull_source.saved",
        target: { type: "connection", id: saved.connection_id },
        connectionId: saved.connection_id,
        summary: `Saved the pull source ${saved.username}@${saved.host}:${saved.port}`,
        details: { fields },
      });
      return saved;
    },
  );

  app.delete(path, { schema: { tags, summary: "Remove a connection's pull source", params } }, async (request, reply) => {
    const actor = await requireConsoleActor(deps, request, "ops.write");
    unwrap(await removePullSource(deps, `user:${actor.userId}`, request.params.id));
    await recordAudit(deps, actor, {
      action: "pull_source.deleted",
      target: { type: "connection", id: request.params.id },
      connectionId: request.params.id,
      summary: "Removed the pull source",
    });
    return reply.status(204).send();
  });

  app.post(
    `${path}/test`,
    {
      schema: {
        tags,
        summary: "Log in to the pull source and list matching files, taking nothing",
        params,
        response: { 200: PullSourceTestSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      await requireConsoleActor(deps, request, "ops.write");
      return unwrap(await testPullSource(deps, request.params.id));
    },
  );
};
