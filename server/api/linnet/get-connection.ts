import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { firstDataDue } from "../../domain/assisted/sla.js";
import { statusUrlFor } from "../../domain/connections/status-link.js";
import { statusLabel } from "../../domain/connections/status-machine.js";
import { requireToken } from "../middleware/auth.js";
import type { RouteModule } from "../types.js";

const LinnetConnectionSchema = z.object({
  connection_id: z.string(),
  status_label: z.string(),
  status_url: z.string().nullable(),
  expected_first_data: z.array(z.object({ group: z.string(), products: z.array(z.string()), due_at: z.string() })),
});

/** `GET /linnet/connection`: Linnet's extras for a token (status page link, first-data due dates); not part of Finch. */
export const getLinnetConnection: RouteModule = (app, deps) => {
  app.get(
    "/linnet/connection",
    {
      schema: {
        tags: ["Linnet extensions"],
        summary: "Employer status link and first-data due dates of the token's connection",
        security: [{ bearerAuth: [] }],
        response: { 200: LinnetConnectionSchema, 401: FinchErrorSchema },
      },
    },
    async (request) => {
      const { connection: c } = await requireToken(deps, request);
      const provider = deps.catalog.get(c.providerId);
      const assisted = c.authMethod === "assisted" && provider !== undefined;
      return {
        connection_id: c.id,
        status_label: statusLabel(c.status),
        status_url: assisted ? statusUrlFor(deps, c.id) : null,
        expected_first_data: assisted
          ? firstDataDue(c.products, provider, deps.config.sla, c.createdAt).map((d) => ({ ...d, due_at: d.due_at.toISOString() }))
          : [],
      };
    },
  );
};
