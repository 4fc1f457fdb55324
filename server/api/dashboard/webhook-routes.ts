import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { FinchErrorSchema } from "../../../contracts/finch/errors.js";
import {
  CreateWebhookEndpointSchema,
  CursorQuerySchema,
  UpdateWebhookEndpointSchema,
  WebhookDeliveryPageSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookEventPageSchema,
  WebhookSendSchema,
} from "../../../contracts/linnet/webhooks.js";
import { recordAudit } from "../../domain/audit/audit-log.js";
import type { Deps } from "../../domain/deps.js";
import { listDeliveries, listEvents, redeliver, sendTestEvent, WEBHOOK_DISPATCH_QUEUE } from "../../domain/webhooks/deliveries.js";
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  rotateEndpointSecret,
  updateEndpoint,
} from "../../domain/webhooks/endpoints.js";
import { unwrap } from "../errors.js";
import type { RouteModule } from "../types.js";
import { requireDashboardApplication } from "./require-application.js";
import { presentDelivery, presentEndpoint, presentEvent } from "./webhook.presenter.js";

const BASE = "/dashboard/api/applications/:applicationId";
const appParams = z.object({ applicationId: z.string() });
const endpointParams = appParams.extend({ endpointId: z.string() });
const deliveryParams = appParams.extend({ deliveryId: z.string() });
const errors = { "4xx": FinchErrorSchema };

/** The signed-in developer's application (404 for one they may not see). */
async function application(deps: Deps, request: FastifyRequest, applicationId: string, action: "dashboard.read" | "dashboard.write") {
  return (await requireDashboardApplication(deps, request, action, applicationId)).app;
}

/** The host of an endpoint URL (its path or query may hold a secret of the receiver's). */
const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return "an endpoint";
  }
};

/** The developer dashboard's webhooks API: endpoints, secrets, test sends, the delivery log, events. */
export const dashboardWebhookRoutes: RouteModule = (app, deps) => {
  app.get(
    `${BASE}/webhooks`,
    { schema: { hide: true, params: appParams, response: { 200: z.object({ endpoints: z.array(WebhookEndpointSchema) }), ...errors } } },
    async (request) => {
      const a = await application(deps, request, request.params.applicationId, "dashboard.read");
      return { endpoints: (await listEndpoints(deps, a.id)).map(presentEndpoint) };
    },
  );
  app.post(
    `${BASE}/webhooks`,
    {
      schema: {
        hide: true,
        params: appParams,
        body: CreateWebhookEndpointSchema,
        response: { 201: WebhookEndpointWithSecretSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { actor, app: a } = await requireDashboardApplication(deps, request, "dashboard.write", request.params.applicationId);
      const created = unwrap(await createEndpoint(deps, a.id, request.body));
      const types = request.body.event_types?.length ? `${request.body.event_types.length} event types` : "every event type";
      await recordAudit(deps, actor, {
        action: "webhook_endpoint.created",
        target: { type: "webhook_endpoint", id: created.endpoint.id },
        applicationId: a.id,
        summary: `Registered a webhook endpoint at ${hostOf(created.endpoint.url)} for ${types}`,
        details: { event_types: request.body.event_types ?? [] },
      });
      return reply.status(201).send({ ...presentEndpoint(created.endpoint), secret: created.secret });
    },
  );
  app.get(
    `${BASE}/webhooks/:endpointId`,
    { schema: { hide: true, params: endpointParams, response: { 200: WebhookEndpointSchema, ...errors } } },
    async (request) => {
      const a = await application(deps, request, request.params.applicationId, "dashboard.read");
      return presentEndpoint(unwrap(await getEndpoint(deps, a.id, request.params.endpointId)));
    },
  );
  app.patch(
    `${BASE}/webhooks/:endpointId`,
    {
      schema: {
        hide: true,
        params: endpointParams,
        body: UpdateWebhookEndpointSchema,
        response: { 200: WebhookEndpointSchema, ...errors },
      },
    },
    async (request) => {
      const { actor, app: a } = await requireDashboardApplication(deps, request, "dashboard.write", request.params.applicationId);
      const updated = presentEndpoint(unwrap(await updateEndpoint(deps, a.id, request.params.endpointId, request.body)));
      const changed =
        Object.keys(request.body)
          .map((k) => k.replaceAll("_", " "))
          .join(", ") || "nothing";
      const state = request.body.enabled === undefined ? "" : request.body.enabled ? " (enabled)" : " (disabled)";
      await recordAudit(deps, actor, {
        action: "webhook_endpoint.changed",
        target: { type: "webhook_endpoint", id: request.params.endpointId },
        applicationId: a.id,
        summary: `Changed the webhook endpoint at ${hostOf(updated.url)}: ${changed}${state}`,
        details: { fields: Object.keys(request.body) },
      });
      if (request.body.enabled) await deps.jobs.send(WEBHOOK_DISPATCH_QUEUE, {});
      return updated;
    },
  );
  app.delete(`${BASE}/webhooks/:endpointId`, { schema: { hide: true, params: endpointParams } }, async (request, reply) => {
    const { actor, app: a } = await requireDashboardApplication(deps, request, "dashboard.write", request.params.applicationId);
    unwrap(await deleteEndpoint(deps, a.id, request.params.endpointId));
    await recordAudit(deps, actor, {
      action: "webhook_endpoint.deleted",
      target: { type: "webhook_endpoint", id: request.params.endpointId },
      applicationId: a.id,
      summary: "Deleted a webhook endpoint",
    });
    return reply.status(204).send();
  });
  app.post(
    `${BASE}/webhooks/:endpointId/rotate-secret`,
    { schema: { hide: true, params: endpointParams, response: { 200: WebhookEndpointWithSecretSchema, ...errors } } },
    async (request) => {
      const { actor, app: a } = await requireDashboardApplication(deps, request, "dashboard.write", request.params.applicationId);
      const rotated = unwrap(await rotateEndpointSecret(deps, a.id, request.params.endpointId));
      await recordAudit(deps, actor, {
        action: "webhook_endpoint.secret_rotated",
        target: { type: "webhook_endpoint", id: request.params.endpointId },
        applicationId: a.id,
        summary: `Rotated the signing secret of the webhook endpoint at ${hostOf(rotated.endpoint.url)}`,
      });
      return { ...presentEndpoint(rotated.endpoint), secret: rotated.secret };
    },
  );
  app.post(
    `${BASE}/webhooks/:endpointId/test`,
    { schema: { hide: true, params: endpointParams, response: { 202: WebhookSendSchema, ...errors } } },
    async (request, reply) => {
      const a = await application(deps, request, request.params.applicationId, "dashboard.write");
      const sent = unwrap(await sendTestEvent(deps, a.id, request.params.endpointId));
      return reply.status(202).send({ delivery_id: sent.deliveryId, event_id: sent.eventId });
    },
  );
  app.get(
    `${BASE}/webhooks/:endpointId/deliveries`,
    {
      schema: {
        hide: true,
        params: endpointParams,
        querystring: CursorQuerySchema,
        response: { 200: WebhookDeliveryPageSchema, ...errors },
      },
    },
    async (request) => {
      const a = await application(deps, request, request.params.applicationId, "dashboard.read");
      const { cursor, limit } = request.query;
      const page = unwrap(await listDeliveries(deps, a.id, request.params.endpointId, { cursor: cursor ? Number(cursor) : null, limit }));
      return { deliveries: page.deliveries.map(presentDelivery), next_cursor: page.nextCursor === null ? null : String(page.nextCursor) };
    },
  );
  app.post(
    `${BASE}/deliveries/:deliveryId/redeliver`,
    { schema: { hide: true, params: deliveryParams, response: { 202: WebhookSendSchema, ...errors } } },
    async (request, reply) => {
      const { actor, app: a } = await requireDashboardApplication(deps, request, "dashboard.write", request.params.applicationId);
      const sent = unwrap(await redeliver(deps, a.id, request.params.deliveryId));
      await recordAudit(deps, actor, {
        action: "webhook_delivery.redelivered",
        target: { type: "webhook_delivery", id: request.params.deliveryId },
        applicationId: a.id,
        summary: "Sent a webhook delivery again",
      });
      return reply.status(202).send({ delivery_id: sent.deliveryId, event_id: sent.eventId });
    },
  );
  app.get(
    `${BASE}/events`,
    { schema: { hide: true, params: appParams, querystring: CursorQuerySchema, response: { 200: WebhookEventPageSchema, ...errors } } },
    async (request) => {
      const a = await application(deps, request, request.params.applicationId, "dashboard.read");
      const { cursor, limit } = request.query;
      const page = await listEvents(deps, a.id, { order: "newest", cursor: cursor ? Number(cursor) : null, limit });
      return { events: page.events.map(presentEvent), next_cursor: page.nextCursor === null ? null : String(page.nextCursor) };
    },
  );
};
