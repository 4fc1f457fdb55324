import { z } from "zod";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { ApiKeyListSchema, CreateApiKeyRequestSchema, CreatedApiKeySchema } from "../../../../contracts/linnet/console-auth.js";
import { recordAudit } from "../../../domain/audit/audit-log.js";
import { createApiKey, listApiKeys, revokeApiKey } from "../../../domain/auth/api-keys.js";
import { unwrap } from "../../errors.js";
import type { RouteModule } from "../../types.js";
import { presentApiKey } from "./console-auth.presenter.js";
import { requireConsoleActor } from "./require-console.js";

const errors = { "4xx": FinchErrorSchema } as const;

/** `POST|GET /console/api/api-keys`, `DELETE /console/api/api-keys/:id`: a signed-in operator's keys (a key cannot mint keys). */
export const apiKeyRoutes: RouteModule = (app, deps) => {
  app.post(
    "/console/api/api-keys",
    { schema: { hide: true, body: CreateApiKeyRequestSchema, response: { 201: CreatedApiKeySchema, ...errors } } },
    async (request, reply) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      const created = unwrap(await createApiKey(deps, actor, request.body.name));
      await recordAudit(deps, actor, {
        action: "api_key.created",
        target: { type: "api_key", id: created.row.id },
        summary: `Created the API key "${created.row.name}"`,
      });
      return reply.status(201).send({ ...presentApiKey(created.row), key: created.key });
    },
  );

  app.get("/console/api/api-keys", { schema: { hide: true, response: { 200: ApiKeyListSchema, ...errors } } }, async (request) => {
    const actor = await requireConsoleActor(deps, request, "ops.read");
    return { data: unwrap(await listApiKeys(deps, actor)).map(presentApiKey) };
  });

  app.delete(
    "/console/api/api-keys/:id",
    { schema: { hide: true, params: z.object({ id: z.uuid() }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const actor = await requireConsoleActor(deps, request, "ops.write");
      unwrap(await revokeApiKey(deps, actor, request.params.id));
      await recordAudit(deps, actor, {
        action: "api_key.revoked",
        target: { type: "api_key", id: request.params.id },
        summary: "Revoked an API key",
      });
      return reply.status(204).send(null);
    },
  );
};
