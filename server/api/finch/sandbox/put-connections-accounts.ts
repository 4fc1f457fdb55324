import { z } from "zod";
import { FinchErrorSchema } from "../../../../contracts/finch/errors.js";
import { CONNECTION_STATUSES } from "../../../../contracts/finch/introspect.js";
import { setSandboxStatus } from "../../../commands/set-sandbox-status.js";
import { authenticateToken } from "../../../domain/connections/authenticate-token.js";
import { unwrap } from "../../errors.js";
import { requireToken } from "../../middleware/auth.js";
import { bearerToken } from "../../middleware/credentials.js";
import type { RouteModule } from "../../types.js";

/** `PUT /sandbox/connections/accounts`: set a sandbox connection's status (`connected` completes assisted setup). */
export const putSandboxConnectionsAccounts: RouteModule = (app, deps) => {
  app.put(
    "/sandbox/connections/accounts",
    {
      schema: {
        tags: ["Sandbox"],
        summary: "Simulate a connection status change",
        security: [{ bearerAuth: [] }],
        body: z.object({ connection_status: z.enum(CONNECTION_STATUSES).nullish() }),
        response: {
          200: z.object({
            connection_id: z.string(),
            entity_id: z.string(),
            account_id: z.string(),
            authentication_type: z.string(),
            company_id: z.string(),
            provider_id: z.string(),
            products: z.array(z.string()),
          }),
          "4xx": FinchErrorSchema,
        },
      },
    },
    async (request) => {
      const ctx = await requireToken(deps, request);
      if (request.body.connection_status) unwrap(await setSandboxStatus(deps, ctx, request.body.connection_status));
      const c = unwrap(await authenticateToken(deps, bearerToken(request))).connection;
      return {
        connection_id: c.id,
        entity_id: c.entityId,
        account_id: c.accountId,
        authentication_type: c.authMethod,
        company_id: c.companyId,
        provider_id: c.providerId,
        products: c.products,
      };
    },
  );
};
