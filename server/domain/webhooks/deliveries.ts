import { randomUUID } from "node:crypto";
import {
  findDelivery,
  insertTestDelivery,
  listApplicationEvents,
  listAttemptsOf,
  listEndpointDeliveries,
  requeueDelivery,
  type WebhookAttemptRow,
  type WebhookEventRow,
} from "../../db/repositories/webhook-outbox.repository.js";
import type { Deps } from "../deps.js";
import { fail, ok, type Result } from "../errors.js";
import { fanOutNewEvents } from "./dispatcher.js";
import { getEndpoint } from "./endpoints.js";
import { newWebhookEventId } from "./signature.js";

/** pg-boss queue of the dispatcher (domain code kicks it after queuing something to send now). */
export const WEBHOOK_DISPATCH_QUEUE = "webhook-dispatch";

/** A page of an endpoint's deliveries, newest first, each with its attempts. */
export async function listDeliveries(
  deps: Pick<Deps, "db">,
  applicationId: string,
  endpointId: string,
  page: { cursor: number | null; limit: number },
) {
  const endpoint = await getEndpoint(deps, applicationId, endpointId);
  if (!endpoint.ok) return endpoint;
  const rows = await listEndpointDeliveries(deps.db, endpointId, { beforeSeq: page.cursor, limit: page.limit });
  const attempts = await listAttemptsOf(
    deps.db,
    rows.map((r) => r.delivery.id),
  );
  const byDelivery = new Map<string, WebhookAttemptRow[]>();
  for (const a of attempts) byDelivery.set(a.deliveryId, [...(byDelivery.get(a.deliveryId) ?? []), a]);
  const last = rows.at(-1);
  return ok({
    deliveries: rows.map((r) => ({ ...r, attempts: byDelivery.get(r.delivery.id) ?? [] })),
    nextCursor: rows.length === page.limit && last ? last.event.seq : null,
  });
}

/** Queue a delivery again, due now (same event id, so receivers can dedupe). */
export async function redeliver(
  deps: Pick<Deps, "db" | "clock" | "jobs">,
  applicationId: string,
  deliveryId: string,
): Promise<Result<{ deliveryId: string; eventId: string }>> {
  const delivery = /^[0-9a-f-]{36}$/i.test(deliveryId) ? await findDelivery(deps.db, applicationId, deliveryId) : undefined;
  if (!delivery) return fail("not_found", `delivery: ${deliveryId} not found`);
  await requeueDelivery(deps.db, delivery.id, deps.clock.now());
  await deps.jobs.send(WEBHOOK_DISPATCH_QUEUE, {});
  return ok({ deliveryId: delivery.id, eventId: delivery.eventId });
}

/** Queue a `test` event to one enabled endpoint. */
export async function sendTestEvent(
  deps: Pick<Deps, "db" | "clock" | "jobs">,
  applicationId: string,
  endpointId: string,
): Promise<Result<{ deliveryId: string; eventId: string }>> {
  const endpoint = await getEndpoint(deps, applicationId, endpointId);
  if (!endpoint.ok) return endpoint;
  if (!endpoint.value.enabled) return fail("invalid_request", "endpoint: is disabled; enable it before sending a test event");
  const eventId = newWebhookEventId();
  const deliveryId = randomUUID();
  const body = JSON.stringify({ company_id: null, account_id: null, connection_id: null, entity_id: null, event_type: "test", data: {} });
  await insertTestDelivery(deps.db, { eventId, deliveryId, applicationId, endpointId, body, now: deps.clock.now() });
  await deps.jobs.send(WEBHOOK_DISPATCH_QUEUE, {});
  return ok({ deliveryId, eventId });
}

/** An application's Finch-visible events: `newest` first (dashboard) or `oldest` first after a cursor (pollers). */
export async function listEvents(
  deps: Pick<Deps, "db" | "clock">,
  applicationId: string,
  page: { order: "newest" | "oldest"; cursor: number | null; limit: number; type?: string },
): Promise<{ events: WebhookEventRow[]; nextCursor: number | null }> {
  // events recorded a moment ago are listed at once; one bounded batch at most, so a request never carries a large
  // publish's whole fan-out (the worker does the rest, and `seq` order keeps a poller from missing anything)
  await fanOutNewEvents(deps, { maxBatches: 1 });
  const events = await listApplicationEvents(deps.db, applicationId, page);
  const last = events.at(-1);
  if (page.order === "oldest") return { events, nextCursor: last ? last.seq : page.cursor };
  return { events, nextCursor: events.length === page.limit && last ? last.seq : null };
}
