import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import { PullEventsQuerySchema, WebhookEventPageSchema } from "../../../contracts/linnet/webhooks.js";
import { listEvents } from "../../domain/webhooks/deliveries.js";
import { presentEvent } from "../dashboard/webhook.presenter.js";
import { requireClient } from "../middleware/auth.js";
import type { RouteModule } from "../types.js";

/**
 * `GET /linnet/events`: the pull fallback for apps that cannot receive webhooks. HTTP Basic client credentials; the
 * calling application's events as the same envelopes webhooks carry, plus `id` and `created_at`, oldest first.
 * Keep passing `next_cursor` back as `cursor`: pages follow the order events became visible, so none is missed.
 */
export const getLinnetEvents: RouteModule = (app, deps) => {
  app.get(
    "/linnet/events",
    {
      schema: {
        tags: ["Linnet extensions"],
        summary: "The application's webhook events, oldest first after a cursor (a pull fallback for webhooks)",
        security: [{ basicAuth: [] }],
        querystring: PullEventsQuerySchema,
        response: { 200: WebhookEventPageSchema, "4xx": FinchErrorSchema },
      },
    },
    async (request) => {
      const application = await requireClient(deps, request);
      const { cursor, limit, type } = request.query;
      const page = await listEvents(deps, application.id, { order: "oldest", cursor: cursor ? Number(cursor) : null, limit, type });
      return { events: page.events.map(presentEvent), next_cursor: page.nextCursor === null ? null : String(page.nextCursor) };
    },
  );
};
