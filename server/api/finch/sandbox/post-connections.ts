import { z } from "zod";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { createSandboxConnection } from "../../../commands/create-sandbox-connection.js";
import { unwrap } from "../../errors.js";
import { requireClient } from "../../middleware/auth.js";
import type { RouteModule } from "../../types.js";

const AuthType = z.enum(["assisted", "credential", "api_token", "oauth"]);
const Created = z.object({
  access_token: z.string(),
  token_type: z.string(),
  connection_id: z.string(),
  entity_id: z.string(),
  account_id: z.string(),
  company_id: z.string(),
  provider_id: z.string(),
  authentication_type: z.string(),
  products: z.array(z.string()),
  /** Linnet extension: every entity of the connection, `entity_id` first. */
  entity_ids: z.array(z.string()).optional(),
});

/** `POST /sandbox/connections` and `POST /sandbox/connections/accounts`: sandbox connections without Connect. */
export const postSandboxConnections: RouteModule = (app, deps) => {
  app.post(
    "/sandbox/connections",
    {
      schema: {
        tags: ["Sandbox"],
        summary: "Create a sandbox connection with generated data",
        security: [{ basicAuth: [] }],
        body: z.object({
          provider_id: z.string().min(1),
          authentication_type: AuthType.nullish(),
          products: z.array(z.string()).nullish(),
          employee_size: z.number().int().nullish(),
          /** Linnet extension: a multi-entity connection of 2 to 5 entities, each its own generated company. */
          entity_count: z.number().int().nullish(),
        }),
        response: { 200: Created, "4xx": FinchErrorSchema },
      },
    },
    async (request) => unwrap(await createSandboxConnection(deps, await requireClient(deps, request), request.body)),
  );
  app.post(
    "/sandbox/connections/accounts",
    {
      schema: {
        tags: ["Sandbox"],
        summary: "Add another account (connection) to an existing sandbox company",
        security: [{ basicAuth: [] }],
        body: z.object({
          company_id: z.string().min(1),
          provider_id: z.string().min(1),
          authentication_type: AuthType.nullish(),
          products: z.array(z.string()).nullish(),
        }),
        response: { 200: Created, "4xx": FinchErrorSchema },
      },
    },
    async (request) => unwrap(await createSandboxConnection(deps, await requireClient(deps, request), request.body)),
  );
};
